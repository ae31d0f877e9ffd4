// sitrep serve --db FILE [--port 8080] [--host 127.0.0.1]: the JSON API and
// the web page over a store (src/server). Prints the URL, serves until
// Ctrl-C or SIGTERM. Exit status 2 when the store or the address is refused.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "server/server.h"

namespace sitrep::cli {
namespace {

int run_serve(const server::ServerOptions& options) {
  auto created = server::Server::create(options);
  if (!created.ok()) {
    return fail(created.status());
  }
  server::Server& srv = *created.value();
  auto port = srv.bind();
  if (!port.ok()) {
    return fail(port.status());
  }
  // Signals are taken by one thread (sigwait), which stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  signal(SIGINT, SIG_DFL);  // a shell's background job starts with SIGINT ignored: sigwait would never see it
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (sig != 0) srv.stop();
  });
  if (srv.web_dir().empty())
    fmt::print(stderr, "sitrep: warning: the web page is not built (run scripts/setup.sh); serving the API only\n");
  fmt::print("sitrep: serving {} at {} (Ctrl-C to stop)\n", options.db, srv.url());
  std::fflush(stdout);
  srv.run();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter when run() ended on its own
  waiter.join();
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto opt = std::make_shared<server::ServerOptions>();
  opt->db = "sitrep.db";
  auto* cmd = app.add_subcommand("serve", "Serve a store as a JSON API and a web page (timeline, network, search)");
  cmd->add_option("--db", opt->db, "Database written by `sitrep ingest`: SQLite file or postgresql:// URL")->capture_default_str();
  cmd->add_option("--port", opt->port, "TCP port (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--host", opt->host, "Address to listen on (0.0.0.0: every interface)")->capture_default_str();
  cmd->add_option("--allow-host", opt->allowed_hosts,
                  "Also answer requests for this host name or address (the name clients use; repeatable). "
                  "Loopback names and --host are always allowed; others get 421");
  cmd->add_option("--threads", opt->threads, "Connection threads (0: 128)")->capture_default_str();
  cmd->add_option("--web", opt->web_dir, "Directory of the built web page (default: web/dist, found like the models)");
  cmd->callback([opt] { throw CLI::RuntimeError(run_serve(*opt)); });
}

}  // namespace sitrep::cli
