// The HTTP API over loopback: a store built from documents we wrote, the
// server in-process on a free port, and what a client (or an attacker) sends.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "postgres_test_util.h"
#include "server/server.h"
#include "store/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// One sentence per line-less ". " split, as the store tests do.
Document make_doc(const std::string& id, const std::string& text, const std::string& source) {
  Document d;
  d.id = id;
  d.path = "/corpus/" + id + ".txt";
  d.text = text;
  d.source = source;
  d.date = {2022, 4, 4};
  uint32_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find(". ", begin);
    end = end == std::string::npos ? text.size() : end + 1;
    d.sentences.push_back(Sentence{Span{begin, static_cast<uint32_t>(end)}});
    begin = static_cast<uint32_t>(end);
    while (begin < text.size() && text[begin] == ' ') ++begin;
  }
  return d;
}

Event make_event(const std::string& source, const std::string& target, const std::string& code, Span span,
                 uint32_t sentence) {
  Event e;
  e.sentence = sentence;
  e.span = span;
  e.source.code = source;
  e.target.code = target;
  e.code = code;
  e.date = {2022, 4, 4};
  return e;
}

// The test store: one article with a call and a shelling (a toll, a claim, a place).
void fill(store::Store& store) {
  const std::string text =
      "The two foreign ministers spoke by telephone in Quillborough. Artillery shelled the harbour of Vostrel.";
  Document a = make_doc("call", text, "Daily One");
  size_t spoke = text.find("spoke"), shelled = text.find("shelled");
  a.events.push_back(make_event("CHNGOV", "UKRGOV", "041", {uint32_t(spoke), uint32_t(spoke + 5)}, 0));
  a.events.push_back(make_event("RUSMIL", "UKR", "195", {uint32_t(shelled), uint32_t(shelled + 7)}, 1));
  Event& shelling = a.events.back();  // with a toll, a claim and a place on the map
  shelling.size.dead = Figure{3, 3, a.sentences[1].span, 1};
  shelling.claims.push_back(Claim{EventActor{"UKR", {}, -1}, "blames", EventActor{"RUS", {}, -1}, 1, a.sentences[1].span});
  Place vostrel;
  vostrel.span = {uint32_t(text.find("Vostrel")), uint32_t(text.find("Vostrel") + 7)};
  vostrel.sentence = 1;
  vostrel.name = "Vostrel";
  vostrel.country = "UKR";
  vostrel.precision = 1;
  vostrel.point = {46.5, 31.0, true};
  a.places = {vostrel};
  shelling.place = 0;
  ASSERT_TRUE(store.ingest(a).ok());
}

// A server of the store `db` bound to a free loopback port (`port`), not yet running;
// null when it could not be made.
std::unique_ptr<server::Server> serve(const std::string& db, int& port) {
  server::ServerOptions o;
  o.db = db;
  o.port = 0;
  o.web_dir = "";
  auto created = server::Server::create(o);
  EXPECT_TRUE(created.ok()) << created.status().message();
  if (!created.ok()) return nullptr;
  std::unique_ptr<server::Server> server = std::move(created).value();
  auto bound = server->bind();
  EXPECT_TRUE(bound.ok()) << bound.status().message();
  port = bound.ok() ? bound.value() : 0;
  return server;
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One directory per process: ctest runs each test in its own process, in parallel.
    fs::path dir = fs::temp_directory_path() / ("sitrep_server_test." + std::to_string(::getpid()));
    fs::create_directories(dir);
    db_ = (dir / "api.db").string();
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(db_ + s);
    {
      auto st = store::Store::open(db_);
      ASSERT_TRUE(st.ok()) << st.status().message();
      fill(st.value());
    }
    setenv("SITREP_WEB", "/nonexistent", 1);  // the page must not be found for the last test
    server_ = serve(db_, port_).release();
    ASSERT_TRUE(server_ && port_);
    thread_ = new std::thread([] { server_->run(); });
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
  }

  // GET path; the status and the JSON body (of the server on `port`: the test's by default).
  std::pair<int, json> get(const std::string& path, int port = 0) {
    httplib::Client c("127.0.0.1", port ? port : port_);
    auto r = c.Get(path.c_str());
    EXPECT_TRUE(r) << path;
    if (!r) return {0, json()};
    return {r->status, json::parse(r->body, nullptr, false)};
  }
  void expect_error(const std::string& path, int status) {
    auto [code, body] = get(path);
    EXPECT_EQ(code, status) << path;
    EXPECT_TRUE(body.is_object() && body.contains("error")) << path << ": " << body.dump();
    EXPECT_EQ(get("/api/stats").first, 200) << "still serving after " << path;
  }

  static inline std::string db_;
  static inline server::Server* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
  static inline int port_ = 0;
};

TEST_F(ServerTest, EventsFilteredByActorCodeAndQuadClass) {
  auto [code, body] = get("/api/events");
  ASSERT_EQ(code, 200);
  EXPECT_EQ(body["events"].size(), 2u);
  auto chn = get("/api/events?actor=chn").second["events"];  // lower case is read as the code
  ASSERT_EQ(chn.size(), 1u);
  EXPECT_EQ(chn[0]["code"], "041");
  auto conflict = get("/api/events?quad=4").second["events"];
  ASSERT_EQ(conflict.size(), 1u);
  EXPECT_EQ(conflict[0]["code"], "195");
  EXPECT_EQ(get("/api/events?quad=4&code=04").second["events"].size(), 0u);
  EXPECT_EQ(get("/api/events?from=2022-04-05").second["events"].size(), 0u);
}

TEST_F(ServerTest, AnEventLeadsToItsArticleAndEvidence) {
  auto events = get("/api/events?code=195").second["events"];
  ASSERT_EQ(events.size(), 1u);
  auto [code, event] = get("/api/events/" + std::to_string(events[0]["id"].get<int64_t>()));
  ASSERT_EQ(code, 200);
  ASSERT_EQ(event["mentions_list"].size(), 1u);
  const json& m = event["mentions_list"][0];
  auto doc = get("/api/documents/" + std::to_string(m["document"].get<int64_t>())).second;
  std::string text = doc["text"];
  EXPECT_EQ(text.substr(m["begin"].get<size_t>(), m["end"].get<size_t>() - m["begin"].get<size_t>()), "shelled");
  EXPECT_EQ(doc["events"].size(), 2u);
  // One numbering everywhere: the shelling is in the second sentence (1-based, as the CLI).
  EXPECT_EQ(events[0]["sent"], 2);
  EXPECT_EQ(m["sent"], 2);
  auto hits = get("/api/search?q=shelled").second["hits"];
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["sent"], 2);
  ASSERT_EQ(doc["sentences"].size(), 2u);
  EXPECT_EQ(doc["sentences"][1]["sent"], 2);
  for (const json& e : doc["events"])
    if (e["code"] == "195") EXPECT_EQ(e["sent"], 2);
}

// The event, its reports and the article's event list all carry what the page shows: the
// PLOVER type, tolls, claims and the point on the map.
TEST_F(ServerTest, EventsCarryPloverTollsClaimsAndTheirPoint) {
  auto id = get("/api/events?code=195").second["events"][0]["id"].get<int64_t>();
  auto event = get("/api/events/" + std::to_string(id)).second;
  EXPECT_EQ(event["plover"], "ASSAULT");
  EXPECT_EQ(event["size"]["dead"]["min"], 3);
  ASSERT_EQ(event["claims"].size(), 1u);
  EXPECT_EQ(event["claims"][0]["stance"], "blames");
  EXPECT_DOUBLE_EQ(event["location"]["lat"].get<double>(), 46.5);
  EXPECT_EQ(event["geo_precision"], 1);
  EXPECT_EQ(event["source"]["text"], get("/api/events?code=195").second["events"][0]["source"]["text"]);
  const json& report = event["mentions_list"][0];
  EXPECT_EQ(report["size"]["dead"]["max"], 3);
  EXPECT_EQ(report["claims"].size(), 1u);
  EXPECT_DOUBLE_EQ(report["location"]["lon"].get<double>(), 31.0);
  auto doc = get("/api/documents/" + std::to_string(report["document"].get<int64_t>())).second;
  for (const json& e : doc["events"]) {
    EXPECT_EQ(e["plover"], e["code"] == "195" ? "ASSAULT" : "CONSULT");
    if (e["code"] != "195") continue;
    EXPECT_EQ(e["size"]["dead"]["min"], 3);
    EXPECT_EQ(e["claims"].size(), 1u);
    EXPECT_EQ(e["contested"], false);
    EXPECT_DOUBLE_EQ(e["lat"].get<double>(), 46.5);
  }
}

TEST_F(ServerTest, SearchFindsAWordWithItsDocument) {
  auto [code, body] = get("/api/search?q=Vostrel");
  ASSERT_EQ(code, 200);
  ASSERT_EQ(body["hits"].size(), 1u);
  EXPECT_NE(body["hits"][0]["snippet"].get<std::string>().find("[Vostrel]"), std::string::npos);
  // The page marks matches by byte offsets into the sentence text, not by the snippet's brackets.
  std::string text = body["hits"][0]["text"];
  ASSERT_EQ(body["hits"][0]["matches"].size(), 1u);
  size_t b = body["hits"][0]["matches"][0][0], e = body["hits"][0]["matches"][0][1];
  EXPECT_EQ(text.substr(b, e - b), "Vostrel");
  EXPECT_GT(body["hits"][0]["document"].get<int64_t>(), 0);
}

TEST_F(ServerTest, SqlLookingSearchIsJustWords) {
  auto [code, body] = get("/api/search?q=%27%3B%20DROP%20TABLE%20documents%3B%20--");
  EXPECT_EQ(code, 200);
  EXPECT_TRUE(body["hits"].empty());
  EXPECT_EQ(get("/api/search?q=Quillborough").second["hits"].size(), 1u);  // the table is still there
  expect_error("/api/search?q=a%20OR&syntax=1", 400);                     // bad FTS5 syntax
}

TEST_F(ServerTest, MalformedParametersAreClear4xx) {
  expect_error("/api/events?from=2022-13-40", 400);
  expect_error("/api/events?from=2022-02-30", 400);  // days that are not on the calendar
  expect_error("/api/events?to=2022-04-31", 400);
  expect_error("/api/events?limit=ten", 400);
  expect_error("/api/events?limit=99999999", 400);
  expect_error("/api/events?quad=7", 400);
  expect_error("/api/events?code=abc", 400);
  expect_error("/api/events?actor=CHN%27--", 400);
  expect_error("/api/events?from=2022-05-01&to=2022-04-01", 400);
  expect_error("/api/events?nonsense=1", 400);
  expect_error("/api/events?limit=1&limit=2", 400);
  expect_error("/api/events/abc", 400);
  expect_error("/api/events/-1", 400);
  expect_error("/api/events/123456789", 404);
  expect_error("/api/documents/0", 400);
  expect_error("/api/dyads?by=year", 400);
  expect_error("/api/nothing", 404);
}

TEST_F(ServerTest, OversizedRequestsAreRefused) {
  expect_error("/api/search?q=" + std::string(5000, 'a'), 414);
  httplib::Client c("127.0.0.1", port_);
  auto post = c.Post("/api/events", std::string(100000, 'x'), "text/plain");
  ASSERT_TRUE(post);
  EXPECT_TRUE(post->status == 405 || post->status == 413) << post->status;
  EXPECT_EQ(get("/api/stats").first, 200);
}

TEST_F(ServerTest, WithoutTheBuiltPageTheRootSaysSo) {
  httplib::Client c("127.0.0.1", port_);
  auto r = c.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_NE(r->body.find("not built"), std::string::npos);
}

// DNS rebinding: a page of another site whose name resolves to 127.0.0.1 sends
// its own Host; a page of another origin sends its Origin.
TEST_F(ServerTest, OnlyAllowedHostsAndSameOriginAreServed) {
  httplib::Client c("127.0.0.1", port_);
  auto evil = c.Get("/api/stats", {{"Host", "evil.example"}});
  ASSERT_TRUE(evil);
  EXPECT_EQ(evil->status, 421);
  EXPECT_NE(evil->body.find("--allow-host evil.example"), std::string::npos) << evil->body;
  auto local = c.Get("/api/stats", {{"Host", "localhost:" + std::to_string(port_)}});
  ASSERT_TRUE(local);
  EXPECT_EQ(local->status, 200);
  auto v6 = c.Get("/api/stats", {{"Host", "[::1]:" + std::to_string(port_)}});
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->status, 200);
  auto no_name = c.Get("/api/stats", {{"Host", ":" + std::to_string(port_)}});
  ASSERT_TRUE(no_name);
  EXPECT_EQ(no_name->status, 421);  // an empty host name is not an allowed one
  auto other_origin = c.Get("/api/stats", {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(other_origin);
  EXPECT_EQ(other_origin->status, 403);
  EXPECT_FALSE(other_origin->has_header("Access-Control-Allow-Origin"));
  auto same_origin = c.Get("/api/stats", {{"Origin", "http://127.0.0.1:" + std::to_string(port_)}});
  ASSERT_TRUE(same_origin);
  EXPECT_EQ(same_origin->status, 200);
}

// A connection that sends a header line now and then, never finishing its request.
int slow_client(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return -1;
  const char partial[] = "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  (void)!::write(fd, partial, sizeof partial - 1);
  return fd;
}

TEST_F(ServerTest, FiftySlowClientsDoNotStopOthersBeingServed) {
  std::vector<int> slow;
  for (int i = 0; i < 50; ++i) slow.push_back(slow_client(port_));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let each take its thread
  for (int fd : slow) {
    ASSERT_GE(fd, 0);
    (void)!::write(fd, "X-Slow: 1\r\n", 11);
  }
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(3, 0);  // the slow clients hold their threads for 5 s at least
  auto r = c.Get("/api/stats");
  ASSERT_TRUE(r) << "no answer while 50 slow clients were connected";
  EXPECT_EQ(r->status, 200);
  for (int fd : slow) ::close(fd);
}

// Everything the server sends on a raw connection after `request`, until it closes
// it; "" when it did not close within 3 s (a stall).
std::string raw_exchange(int port, const std::string& request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return "";
  timeval tv{3, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  (void)!::write(fd, request.data(), request.size());
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;  // closed by the server
    if (n < 0) {
      out.clear();  // timed out: the server kept the connection waiting
      break;
    }
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

TEST_F(ServerTest, BadRequestLinesAndPipelinedRequestsAreAnsweredAndClosedAtOnce) {
  std::string bad = raw_exchange(port_, "GARBAGE\r\n\r\n");
  EXPECT_EQ(bad.rfind("HTTP/1.1 400", 0), 0u) << bad;
  std::string one = "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  std::string pipelined = raw_exchange(port_, one + one + one);
  EXPECT_EQ(pipelined.rfind("HTTP/1.1 200", 0), 0u) << pipelined;
  EXPECT_NE(pipelined.find("Connection: close"), std::string::npos);  // send the rest on new connections
}

TEST_F(ServerTest, ABurstOfConcurrentClientsIsAllAnswered) {
  constexpr int kClients = 300;
  std::vector<std::thread> threads;
  std::atomic<int> answered{0};
  for (int i = 0; i < kClients; ++i)
    threads.emplace_back([&] {
      httplib::Client c("127.0.0.1", port_);
      c.set_connection_timeout(20, 0);
      c.set_read_timeout(20, 0);
      auto r = c.Get("/api/events?limit=5");
      if (r && r->status == 200) ++answered;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(answered.load(), kClients);
}

// The same store on PostgreSQL (a throwaway server: tests/postgres_test_util.h) served
// alike: every endpoint's answer equals the SQLite store's, but search's rank and snippet
// (each engine's own: docs/store.md).
TEST_F(ServerTest, APostgresStoreIsServedAlike) {
  SITREP_REQUIRE_POSTGRES();
  std::string url = sitrep::testing::fresh_postgres_store("api");
  {
    auto st = store::Store::open(url);
    ASSERT_TRUE(st.ok()) << st.status().message();
    fill(st.value());
  }
  int port = 0;
  std::unique_ptr<server::Server> pg = serve(url, port);
  ASSERT_TRUE(pg && port);
  std::thread serving([&] { pg->run(); });
  for (const char* path : {"/api/events", "/api/events?actor=CHN", "/api/events?involving=UKR&quad=4", "/api/events/1",
                           "/api/events/2", "/api/documents/1", "/api/quotes", "/api/dyads?by=week",
                           "/api/dyads?by=month&level=role", "/api/actors", "/api/stories", "/api/stories/1",
                           "/api/stats", "/api/search?q=telephone", "/api/search?q=shelled%20harbour"}) {
    auto [want_status, want] = get(path);
    auto [got_status, got] = get(path, port);
    EXPECT_EQ(got_status, want_status) << path;
    for (json* body : {&want, &got})
      if (body->contains("hits"))
        for (json& hit : (*body)["hits"]) hit.erase("rank"), hit.erase("snippet");
    EXPECT_EQ(got, want) << path;
  }
  pg->stop();
  serving.join();
}

// The page's folder may hold links planted by anyone who can write there: only
// regular files inside it are served.
TEST(ServerStaticTest, OnlyRegularFilesInsideThePageFolderAreServed) {
  fs::path dir = fs::temp_directory_path() / ("sitrep_server_static." + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "web" / "assets");
  std::ofstream(dir / "web" / "index.html") << "<!doctype html><title>sitrep</title>";
  std::ofstream(dir / "web" / "assets" / "app.js") << "console.log(1);";
  std::ofstream(dir / "secret.txt") << "not for the web";
  fs::create_symlink("/etc/passwd", dir / "web" / "passwd");
  fs::create_symlink(dir / "secret.txt", dir / "web" / "secret.txt");
  fs::create_directory_symlink(dir, dir / "web" / "up");
  std::string db = (dir / "s.db").string();
  { ASSERT_TRUE(store::Store::open(db).ok()); }
  server::ServerOptions o;
  o.db = db;
  o.port = 0;
  o.web_dir = (dir / "web").string();
  auto created = server::Server::create(o);
  ASSERT_TRUE(created.ok()) << created.status().message();
  auto& srv = *created.value();
  int port = srv.bind().value();
  std::thread t([&] { srv.run(); });
  httplib::Client c("127.0.0.1", port);
  auto status = [&](const std::string& path) {
    auto r = c.Get(path.c_str());
    return r ? r->status : 0;
  };
  EXPECT_EQ(status("/"), 200);
  auto js = c.Get("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(status("/passwd"), 404);
  EXPECT_EQ(status("/secret.txt"), 404);
  EXPECT_EQ(status("/up/secret.txt"), 404);
  EXPECT_EQ(status("/index.html%00.js"), 404);
  EXPECT_EQ(status("/../secret.txt"), 404);
  EXPECT_EQ(status("/%2e%2e/secret.txt"), 404);
  EXPECT_EQ(status("/assets"), 404);  // a folder is not a file
  srv.stop();
  t.join();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sitrep
