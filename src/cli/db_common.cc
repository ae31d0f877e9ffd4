#include "cli/db_common.h"

#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"

namespace sitrep::cli {

std::unique_ptr<store::Store> open_store_for_reading(const std::string& path) {
  store::StoreOptions options;
  options.read_only = true;
  auto opened = store::Store::open(path, options);
  if (!opened.ok()) {
    fmt::print(stderr, "sitrep: error: {}\n", opened.status().message());
    return nullptr;
  }
  return std::make_unique<store::Store>(std::move(opened).value());
}

int run_row_query(const std::string& db, const std::string& format, std::vector<std::string> columns,
                  const std::function<Status(store::Store&, const std::function<void(const nlohmann::json&)>&)>& query) {
  auto writer = RowWriter::make(format, std::move(columns));
  if (!writer.ok()) {
    return fail(writer.status());
  }
  auto store = open_store_for_reading(db);
  if (!store) return kExitBadInput;
  Status st = query(*store, [&](const nlohmann::json& row) { writer.value()(row); });
  std::fflush(stdout);
  if (!st.ok()) {
    return fail(st);
  }
  return 0;
}

Result<RowWriter> RowWriter::make(const std::string& format, std::vector<std::string> columns) {
  if (format != "jsonl" && format != "csv" && format != "tsv")
    return Status::Error(fmt::format("--format: expected jsonl, csv or tsv, not {}", nlohmann::json(format).dump()));
  RowWriter w;
  w.format_ = format;
  w.columns_ = std::move(columns);
  return w;
}

namespace {

std::string cell(const nlohmann::json& row, const std::string& dotted) {
  const nlohmann::json* v = &row;
  size_t pos = 0;
  while (pos <= dotted.size()) {
    size_t dot = dotted.find('.', pos);
    std::string key = dotted.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
    if (!v->is_object() || !v->contains(key)) return "";
    v = &(*v)[key];
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  if (v->is_null()) return "";
  if (v->is_string()) return v->get<std::string>();
  return v->dump();
}

std::string csv_quote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string tsv_clean(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

void RowWriter::operator()(const nlohmann::json& row) {
  if (format_ == "jsonl") {
    fmt::print("{}\n", row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  char sep = format_ == "csv" ? ',' : '\t';
  auto line = [&](auto value) {
    std::string out;
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i) out += sep;
      std::string v = value(columns_[i]);
      out += format_ == "csv" ? csv_quote(v) : tsv_clean(v);
    }
    fmt::print("{}\n", out);
  };
  if (!header_done_) {
    line([](const std::string& c) { return c; });
    header_done_ = true;
  }
  line([&](const std::string& c) { return cell(row, c); });
}

}  // namespace sitrep::cli
