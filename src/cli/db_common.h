// Shared by the commands that read a store (events, quotes, search, dyads,
// stories): opening it read-only and writing rows as JSONL, CSV or TSV.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "store/store.h"

namespace sitrep::cli {

// Runs `query` on the store at `db`, writing its rows in `format` (exit status:
// 0, or 2 for a bad format, an unopenable store or a failed query, reported on stderr).
int run_row_query(const std::string& db, const std::string& format, std::vector<std::string> columns,
                  const std::function<Status(store::Store&, const std::function<void(const nlohmann::json&)>&)>& query);

// Opens `path` read-only; prints the error (naming the file) and returns null on failure.
std::unique_ptr<store::Store> open_store_for_reading(const std::string& path);

// Writes rows to stdout. jsonl: one object per line; csv/tsv: a header, then
// one line per row with the given dotted columns ("source.code"), null as empty.
class RowWriter {
 public:
  // An unknown format is an error.
  static Result<RowWriter> make(const std::string& format, std::vector<std::string> columns);
  void operator()(const nlohmann::json& row);

 private:
  std::string format_;
  std::vector<std::string> columns_;
  bool header_done_ = false;
};

}  // namespace sitrep::cli
