#include "server/server.h"
#include "core/locate.h"

#include <httplib.h>
#include <unistd.h>

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "events/ontology.h"
#include "server/params.h"
#include "server/views.h"
#include "store/queries.h"
#include "store/store.h"
#include "text/text_util.h"

namespace sitrep::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int64_t kDefaultLimit = 500;

// Read-only connections, one per request in flight, reused (a Store is not thread-safe).
class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  struct Lease {
    StorePool* pool;
    std::unique_ptr<store::Store> store;
    Lease(StorePool* p, std::unique_ptr<store::Store> s) : pool(p), store(std::move(s)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store) pool->give_back(std::move(store));
    }
  };

  Result<Lease> take() {
    {
      std::lock_guard lock(mu_);
      if (!free_.empty()) {
        auto s = std::move(free_.back());
        free_.pop_back();
        return Lease{this, std::move(s)};
      }
    }
    store::StoreOptions options;
    options.read_only = true;
    options.check = !checked_.exchange(true);  // the quick check once, on the first connection
    auto opened = store::Store::open(path_, options);
    if (!opened.ok()) {
      if (options.check) checked_ = false;
      return opened.status();
    }
    return Lease{this, std::make_unique<store::Store>(std::move(opened).value())};
  }

 private:
  void give_back(std::unique_ptr<store::Store> s) {
    std::lock_guard lock(mu_);
    free_.push_back(std::move(s));
  }
  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<store::Store>> free_;
  std::atomic<bool> checked_{false};
};

// The host of a Host header or of an Origin URL, lower-cased, without port or brackets.
std::string host_of(std::string_view h) {
  if (size_t scheme = h.find("://"); scheme != std::string_view::npos) h.remove_prefix(scheme + 3);
  if (size_t slash = h.find('/'); slash != std::string_view::npos) h = h.substr(0, slash);
  std::string out;
  if (!h.empty() && h[0] == '[') {
    size_t close = h.find(']');
    out = std::string(h.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
  } else if (std::count(h.begin(), h.end(), ':') > 1) {  // a bare IPv6 address ("::1"): no port
    out = std::string(h);
  } else {
    size_t colon = h.find(':');
    out = std::string(h.substr(0, colon));
  }
  return text::ascii_lower(out);
}

const char* content_type(const fs::path& p) {
  std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// The file of the page a URL path names: a regular file inside `root`, every
// component reached without a symbolic link, no "." or ".." and no NUL byte
// (the path arrives percent-decoded: "%00" is one). Else nullopt (a 404).
std::optional<fs::path> page_file(const fs::path& root, const std::string& url_path) {
  if (url_path.empty() || url_path[0] != '/' || url_path.find('\0') != std::string::npos) return std::nullopt;
  std::string rel = url_path.substr(1);
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  fs::path p = root;
  std::error_code ec;
  for (const fs::path& part : fs::path(rel)) {
    if (part.empty()) continue;
    if (part == "." || part == ".." || part.string().find('\\') != std::string::npos) return std::nullopt;
    p /= part;
    if (fs::is_symlink(fs::symlink_status(p, ec)) || ec) return std::nullopt;
  }
  if (!fs::is_regular_file(fs::symlink_status(p, ec)) || ec) return std::nullopt;
  return p;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void send_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(dump(json{{"error", message}, {"status", status}}), "application/json");
}

// The HTTP status of a failed Status, by its code: the client's fault (400,
// 404), not now (503), or ours (500).
int http_status(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

// A query's failure as an HTTP error: a bad FTS5 query or date is the
// client's (400), a busy store 503, a broken one 500.
[[noreturn]] void store_failure(const Status& st) { throw HttpError(http_status(st), st.message()); }

json collect(const std::function<Status(const store::RowSink&)>& query) {
  json rows = json::array();
  Status st = query([&](const json& r) { rows.push_back(r); });
  if (!st.ok()) store_failure(st);
  return rows;
}

// CAMEO roots of a quad class, from the ontology's one definition (events::quad_of_root).
std::vector<std::string> quad_roots(int64_t quad) {
  std::vector<std::string> roots;
  for (int r = 1; r <= 20; ++r)
    if (static_cast<int64_t>(events::quad_of_root(r)) == quad) roots.push_back(fmt::format("{:02d}", r));
  return roots;
}

// Newest first, undated last, then by id: the order of store::query_events.
bool event_before(const json& a, const json& b) {
  bool ad = a["date"].is_string(), bd = b["date"].is_string();
  if (ad != bd) return ad;
  if (ad && a["date"] != b["date"]) return a["date"].get<std::string>() > b["date"].get<std::string>();
  return a["id"].get<int64_t>() < b["id"].get<int64_t>();
}

json list_events(store::Store& s, const Params& p) {
  store::EventFilter f;
  f.actor = p.actor("actor");
  f.target = p.actor("target");
  f.involving = p.actor("involving");
  f.code = p.event_code("code");
  f.from = p.date("from");
  f.to = p.date("to");
  if (!f.from.empty() && !f.to.empty() && f.from > f.to)
    throw HttpError(400, fmt::format("from ({}) is after to ({})", f.from, f.to));
  f.story = p.integer("story", -1, 1, INT64_MAX);
  f.limit = p.integer("limit", kDefaultLimit, 1, kMaxLimit);
  f.include_negated = p.boolean("negated", true);
  int64_t quad = p.integer("quad", 0, 1, 4);
  auto run = [&](const store::EventFilter& filter) {
    return collect([&](const store::RowSink& sink) { return store::query_events(s, filter, sink); });
  };
  if (quad == 0) return run(f);
  // A quad class is a range of roots: one query per root that the code filter allows.
  json rows = json::array();
  for (const std::string& root : quad_roots(quad)) {
    store::EventFilter g = f;
    if (f.code.empty() || f.code.starts_with(root)) g.code = f.code.empty() ? root : f.code;
    else if (root.starts_with(f.code)) g.code = root;
    else continue;
    for (json& r : run(g)) rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), event_before);
  if (static_cast<int64_t>(rows.size()) > f.limit) rows.erase(rows.begin() + f.limit, rows.end());
  return rows;
}

template <typename T>
T found(Result<std::optional<T>> r, const char* what, int64_t id) {
  if (!r.ok()) store_failure(r.status());
  if (!r.value()) throw HttpError(404, fmt::format("no {} with id {}", what, id));
  return std::move(*r.value());
}

}  // namespace

std::string find_web_dir() {
  std::error_code ec;
  if (const char* env = std::getenv("SITREP_WEB"))  // when set, only there
    return fs::exists(fs::path(env) / "index.html", ec) ? std::string(env) : std::string();
  std::vector<fs::path> dirs;  // next to the executable, an install prefix, the source tree (as core/locate.h)
  if (std::string exe = executable_dir(); !exe.empty()) {
    dirs.push_back(fs::path(exe) / "web" / "dist");
    dirs.push_back(fs::path(exe).parent_path() / "web" / "dist");
    dirs.push_back(fs::path(exe).parent_path() / "share" / "sitrep" / "web");
  }
  dirs.push_back(fs::path(SITREP_SOURCE_DIR) / "web" / "dist");
  for (const auto& d : dirs)
    if (fs::exists(d / "index.html", ec)) return d.string();
  return "";
}

struct Server::Impl {
  ServerOptions options;
  std::string web_dir;
  StorePool pool;
  httplib::Server http;
  int port = 0;
  int listen_fd = -1;                    // the listening socket (set when bound)
  std::set<std::string> allowed_hosts;   // Host / Origin host names served (host_of form)

  explicit Impl(const ServerOptions& o) : options(o), pool(o.db) {}

  // Runs `handler` with a store and the checked parameters; answers JSON.
  void api(const std::string& pattern, std::vector<std::string> allowed,
           std::function<json(store::Store&, const Params&, const httplib::Request&)> handler) {
    http.Get(pattern, [this, allowed = std::move(allowed), handler = std::move(handler)](const httplib::Request& req,
                                                                                       httplib::Response& res) {
      try {
        Params params(req.params, allowed);
        auto lease = pool.take();
        if (!lease.ok()) throw HttpError(503, lease.status().message());  // the store cannot be opened now
        res.set_content(dump(handler(*lease.value().store, params, req)), "application/json");
      } catch (const HttpError& e) {
        send_error(res, e.status, e.what());
      } catch (const std::exception& e) {
        send_error(res, 500, e.what());
      }
    });
  }

  void routes();
};

void Server::Impl::routes() {
  api("/api/stats", {}, [](store::Store& s, const Params&, const httplib::Request&) {
    auto c = s.counts();
    if (!c.ok()) store_failure(c.status());
    const store::StoreCounts& n = c.value();
    return json{{"documents", n.documents}, {"sentences", n.sentences}, {"events", n.events},
                {"event_mentions", n.event_mentions}, {"quotes", n.quotes}, {"duplicates", n.duplicates},
                {"mentions", n.mentions}};
  });
  api("/api/events", {"actor", "target", "involving", "code", "quad", "from", "to", "story", "limit", "negated"},
      [](store::Store& s, const Params& p, const httplib::Request&) { return json{{"events", list_events(s, p)}}; });
  api(R"(/api/events/([^/]+))", {}, [](store::Store& s, const Params&, const httplib::Request& req) {
    int64_t id = parse_id(req.matches[1]);
    return found(event_detail(s, id), "event", id);
  });
  api("/api/quotes", {"speaker", "limit"}, [](store::Store& s, const Params& p, const httplib::Request&) {
    store::QuoteFilter f;
    f.speaker = p.text("speaker");
    f.limit = p.integer("limit", kDefaultLimit, 1, kMaxLimit);
    return json{{"quotes", collect([&](const store::RowSink& sink) { return store::query_quotes(s, f, sink); })}};
  });
  api("/api/search", {"q", "syntax", "limit"}, [](store::Store& s, const Params& p, const httplib::Request&) {
    store::SearchOptions o;
    o.query = p.text("q");
    if (o.query.find_first_not_of(" \t\r\n") == std::string::npos) throw HttpError(400, "q: give the words to find");
    o.syntax = p.boolean("syntax", false);
    o.limit = p.integer("limit", 50, 1, kMaxLimit);
    return json{{"query", o.query},
                {"hits", collect([&](const store::RowSink& sink) { return store::search_sentences(s, o, sink); })}};
  });
  api("/api/dyads", {"by", "level"}, [](store::Store& s, const Params& p, const httplib::Request&) {
    store::DyadOptions o;
    o.by = p.choice("by", {"day", "week", "month"}, "day");
    o.level = p.choice("level", {"country", "role"}, "country");
    return json{{"by", o.by}, {"level", o.level},
                {"dyads", collect([&](const store::RowSink& sink) { return store::query_dyads(s, o, sink); })}};
  });
  api("/api/stories", {}, [](store::Store& s, const Params&, const httplib::Request&) {
    return json{{"stories", collect([&](const store::RowSink& sink) { return store::query_stories(s, sink); })}};
  });
  api(R"(/api/stories/([^/]+))", {"limit"}, [](store::Store& s, const Params& p, const httplib::Request& req) {
    int64_t id = parse_id(req.matches[1]);
    return found(story_detail(s, id, p.integer("limit", kDefaultLimit, 1, kMaxLimit)), "story", id);
  });
  api(R"(/api/documents/([^/]+))", {}, [](store::Store& s, const Params&, const httplib::Request& req) {
    int64_t id = parse_id(req.matches[1]);
    return found(document_detail(s, id), "document", id);
  });
  api("/api/actors", {"level", "from", "to", "limit"}, [](store::Store& s, const Params& p, const httplib::Request&) {
    NetworkOptions o;
    o.level = p.choice("level", {"country", "role"}, "country");
    o.from = p.date("from");
    o.to = p.date("to");
    o.limit = p.integer("limit", kDefaultLimit, 1, kMaxLimit);
    auto r = actor_network(s, o);
    if (!r.ok()) store_failure(r.status());
    return std::move(r).value();
  });

  if (!web_dir.empty()) {
    http.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      std::optional<fs::path> file = page_file(web_dir, req.path);
      std::ifstream in;
      if (file) in.open(*file, std::ios::binary);
      if (!file || !in.is_open()) {
        res.status = 404;  // the error handler writes the body
        return;
      }
      std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      res.set_content(std::move(body), content_type(*file));
    });
  } else {
    http.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.status = 503;
      res.set_content(
          "<!doctype html><meta charset=utf-8><title>sitrep</title>"
          "<h1>The sitrep web page is not built</h1>"
          "<p>The JSON API under <a href=\"/api/stats\">/api/</a> works. To build the page run "
          "<code>bash scripts/setup.sh</code> (it runs <code>npm ci &amp;&amp; npm run build</code> in "
          "<code>web/</code>), or point <code>SITREP_WEB</code> at a built <code>web/dist</code>.</p>",
          "text/html; charset=utf-8");
    });
  }

  // Anything but GET/HEAD, requests for a host or from an origin not allowed,
  // and oversized query strings, are refused before routing.
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (req.has_header("Host")) {
      std::string host = host_of(req.get_header_value("Host"));
      if (!allowed_hosts.count(host)) {
        send_error(res, 421, fmt::format("host '{}' is not served here (start the server with --allow-host {})",
                                         host, host));
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    if (req.has_header("Origin") && !allowed_hosts.count(host_of(req.get_header_value("Origin")))) {
      send_error(res, 403, "requests from pages of other origins are refused (the API is same-origin)");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      send_error(res, 405, fmt::format("method {} not allowed: the API is read-only (GET)", req.method));
      return httplib::Server::HandlerResponse::Handled;
    }
    // A GET carries no body; one announced over the limit is refused (not read).
    if (req.get_header_value_count("Content-Length") > 0 &&
        std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10) > kMaxBodyBytes) {
      send_error(res, 413, fmt::format("request body over {} bytes", kMaxBodyBytes));
      return httplib::Server::HandlerResponse::Handled;
    }
    size_t q = req.target.find('?');
    if (q != std::string::npos && req.target.size() - q - 1 > kMaxQueryBytes) {
      send_error(res, 414, fmt::format("query string over {} bytes", kMaxQueryBytes));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors the library raises itself (404, 413, 400...) get a JSON body too.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string m = res.status == 404   ? fmt::format("nothing at {}", req.path)
                    : res.status == 413 ? fmt::format("request body over {} bytes", kMaxBodyBytes)
                    : res.status == 414 ? "request line too long"
                                        : fmt::format("request refused (HTTP {})", res.status);
    send_error(res, res.status, m);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send_error(res, 500, "internal error");
  });
  http.set_payload_max_length(kMaxBodyBytes);
  // The page loads nothing from elsewhere; the browser enforces it.
  http.set_default_headers({{"Content-Security-Policy",
                             "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                             "connect-src 'self'; frame-ancestors 'none'"},
                            {"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"}});
}

Result<std::unique_ptr<Server>> Server::create(const ServerOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  {
    auto lease = impl->pool.take();  // checks the file once, up front
    if (!lease.ok()) return lease.status();
  }
  impl->web_dir = options.web_dir.empty() ? find_web_dir() : options.web_dir;
  if (!impl->web_dir.empty() && !fs::exists(fs::path(impl->web_dir) / "index.html"))
    return Status::Error(fmt::format("{}: no index.html (is the web page built?)", impl->web_dir));
  impl->http.new_task_queue = [n = options.threads > 0 ? options.threads : kDefaultThreads] {
    return new httplib::ThreadPool(static_cast<size_t>(n));
  };
  impl->allowed_hosts = {"localhost", "127.0.0.1", "::1"};
  if (options.host != "0.0.0.0" && options.host != "::") impl->allowed_hosts.insert(host_of(options.host));
  for (const std::string& h : options.allowed_hosts) impl->allowed_hosts.insert(host_of(h));
  // One request per connection, answered with "Connection: close": an idle
  // keep-alive connection would hold a thread, and the library drops requests
  // pipelined behind the first, so a pipelining client is told to send the
  // rest on new connections (as HTTP/1.1 clients must be ready to) instead of
  // waiting for answers that never come.
  impl->http.set_keep_alive_max_count(1);
  impl->http.set_socket_options([fd = &impl->listen_fd](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    *fd = sock;
  });
  impl->routes();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { stop(); }

Result<int> Server::bind() {
  const ServerOptions& o = impl_->options;
  if (o.port < 0 || o.port > 65535) return Status::Error(fmt::format("port {}: expected 0..65535", o.port));
  bool ok = o.port == 0 ? (impl_->port = impl_->http.bind_to_any_port(o.host)) > 0
                        : impl_->http.bind_to_port(o.host, o.port) && (impl_->port = o.port) > 0;
  if (!ok) return Status::Error(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine?)",
                                            o.host, o.port));
  // The library listens with a backlog of 5, compiled in: a burst of clients
  // would wait for SYN retries. Listening again on Linux sets the queue length.
  if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, SOMAXCONN);
  return impl_->port;
}

void Server::run() { impl_->http.listen_after_bind(); }
void Server::stop() {
  if (impl_) impl_->http.stop();
}

std::string Server::url() const {
  const std::string& h = impl_->options.host;
  bool v6 = h.find(':') != std::string::npos;
  return fmt::format("http://{}{}{}:{}/", v6 ? "[" : "", h, v6 ? "]" : "", impl_->port);
}

const std::string& Server::web_dir() const { return impl_->web_dir; }

}  // namespace sitrep::server
