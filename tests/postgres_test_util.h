// A throwaway PostgreSQL server for the tests (scripts/postgres.sh): the one ctest's
// fixture started (tests/postgres_fixture.sh writes its URL to the file named by
// $SITREP_TEST_POSTGRES), else one of the test program's own, started on first use
// and stopped when the program exits. Each test gets a fresh store on it: a new schema
// (milliseconds, where a new database costs a third of a second).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "store/db.h"

namespace sitrep::testing {

class PostgresServer {
 public:
  // The server's URL; "" when the PostgreSQL binaries are absent (`why` says so).
  static const PostgresServer& get() {
    static PostgresServer server;
    return server;
  }
  const std::string& url() const { return url_; }
  const std::string& why_absent() const { return why_; }

  ~PostgresServer() {
    if (!own_dir_.empty())
      std::system(("bash " SITREP_SOURCE_DIR "/scripts/postgres.sh stop '" + own_dir_ + "' >/dev/null 2>&1").c_str());
  }

 private:
  PostgresServer() {
    if (const char* file = std::getenv("SITREP_TEST_POSTGRES")) {
      std::ifstream in(file);
      if (std::getline(in, url_) && !url_.empty()) return;
      if (std::filesystem::exists(std::string(file) + ".absent")) {
        why_ = "PostgreSQL binaries absent (scripts/postgres.sh found no initdb)";
        return;
      }
    }
    char dir[] = "/tmp/sitrep-pg-XXXXXX";
    if (!mkdtemp(dir)) {
      why_ = "cannot make a temporary directory";
      return;
    }
    std::string d = dir;
    std::string cmd = "bash " SITREP_SOURCE_DIR "/scripts/postgres.sh start '" + d + "' 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[512];
    while (p && fgets(buf, sizeof buf, p)) out += buf;
    int rc = p ? pclose(p) : -1;
    if (rc != -1 && WIFEXITED(rc) && WEXITSTATUS(rc) == 3) {
      why_ = "PostgreSQL binaries absent (scripts/postgres.sh found no initdb)";
      std::filesystem::remove_all(d);
      return;
    }
    own_dir_ = d;
    size_t at = out.rfind("postgresql://");
    if (rc != 0 || at == std::string::npos) {
      ADD_FAILURE() << "scripts/postgres.sh start failed: " << out;
      return;
    }
    url_ = out.substr(at);
    while (!url_.empty() && (url_.back() == '\n' || url_.back() == '\r')) url_.pop_back();
  }
  std::string url_, why_, own_dir_;
};

// A fresh, empty store on the test server, named after the test and `name`; "" when there
// is no server (the caller skips).
inline std::string fresh_postgres_store(const std::string& name) {
  const PostgresServer& server = PostgresServer::get();
  if (server.url().empty()) return "";
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string schema = "t" + std::to_string(getpid()) + "_" + name + "_" + info->name();  // cut at 63 bytes
  for (char& c : schema)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  for (char& c : schema) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  schema = schema.substr(0, 63);
  store::Db admin = store::Db::postgres(server.url(), false);
  admin.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  return server.url() + "&options=-csearch_path%3D" + schema;
}

}  // namespace sitrep::testing

// Skips the test, saying why, when no PostgreSQL server can be had here.
#define SITREP_REQUIRE_POSTGRES()                                                              \
  do {                                                                                         \
    if (::sitrep::testing::PostgresServer::get().url().empty())                                \
      GTEST_SKIP() << ::sitrep::testing::PostgresServer::get().why_absent();                   \
  } while (0)
