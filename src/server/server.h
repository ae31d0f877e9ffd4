// The HTTP server of `sitrep serve`: a read-only JSON API over a store
// (docs/server.md) and the built web page (web/dist) as static files.
//
//   auto server = Server::create({.db = "sitrep.db", .port = 0});  // 0: any free port
//   int port = server.value()->bind().value();
//   server.value()->run();   // blocks until stop() (from another thread)
//
// Only GET and HEAD; every error is a JSON body {"error": "..."} with a 4xx
// status for what the client sent wrong (bad parameter, unknown id, oversized
// request) and 5xx for a store failure. Nothing is fetched from elsewhere.
// A request naming a Host not allowed (DNS rebinding) is refused with 421, and
// one from a page of another origin (an Origin header whose host is not
// allowed) with 403: no CORS headers are ever sent, the API is same-origin.
// Static files are served only when they are regular files inside the page's
// folder, reached without a symbolic link.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace sitrep::server {

struct ServerOptions {
  std::string db;                 // a store written by `sitrep ingest`
  std::string host = "127.0.0.1";
  int port = 8080;                // 0: any free port (bind() says which)
  std::string web_dir;            // the built page; empty: find_web_dir()
  int threads = 0;                // request threads; 0: kDefaultThreads
  // Host names (or addresses) requests may name besides the loopback ones
  // (localhost, 127.0.0.1, ::1) and `host` when it is a specific address.
  std::vector<std::string> allowed_hosts;
};

// One thread serves one connection at a time (cpp-httplib's model): enough of
// them that slow or idle clients cannot take them all.
inline constexpr int kDefaultThreads = 128;

// Limits on what a client may send.
inline constexpr size_t kMaxBodyBytes = 16 * 1024;   // the API takes no body
inline constexpr size_t kMaxQueryBytes = 2048;       // the query string of one request
inline constexpr int64_t kMaxLimit = 10000;          // rows per answer

// The built web page: $SITREP_WEB when set (only there), else web/dist in the source tree, then next
// to the binary (web/dist, ../web/dist, ../share/sitrep/web). Empty when none exists.
std::string find_web_dir();

class Server {
 public:
  // Opens the store once to check it (a foreign or corrupted file is an error
  // naming it); each request thread then uses its own read-only connection.
  static Result<std::unique_ptr<Server>> create(const ServerOptions& options);
  ~Server();

  Result<int> bind();  // listens on host:port; returns the port
  void run();          // serves until stop()
  void stop();         // thread-safe
  // "http://127.0.0.1:8080/" once bound.
  std::string url() const;
  // The directory of the page being served; empty when the page is not built.
  const std::string& web_dir() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep::server
