// JSONL: one article per line, an object with fields id, title, date, url,
// source and text (only text is required). doc.text is the text field alone;
// the title goes to the metadata. A bad line is reported as "FILE:LINE: reason"
// and skipped; empty lines are ignored.
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/dates.h"
#include "io/reader_internal.h"
#include "text/normalize.h"
#include "text/text_util.h"

namespace sitrep::io {
namespace {

using nlohmann::json;

// A string field, or a number written as text (ids are often numbers).
std::optional<std::string> field(const json& obj, const char* name) {
  auto it = obj.find(name);
  if (it == obj.end()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return std::nullopt;
}

// Parses one line into a Document; an error message when the line is bad.
std::optional<std::string> read_line(std::string_view name, size_t line_no, std::string_view line,
                                     Document& doc, const WarningSink& warn) {
  std::string where = fmt::format("{}:{}", name, line_no);
  // Repair the line first: the JSON parser rejects invalid UTF-8 in strings.
  text::NormalizeReport rep;
  std::string clean = text::normalize(line, &rep);
  json obj;
  try {
    obj = json::parse(clean);
  } catch (const json::exception& e) {
    return fmt::format("not valid JSON: {}", e.what());
  }
  if (!obj.is_object()) return std::string("not a JSON object");
  std::optional<std::string> body = field(obj, "text");
  if (!body) return std::string("no \"text\" string field");
  doc.path = std::string(name);
  doc.id = field(obj, "id").value_or(fmt::format("{}-{}", path_stem(name), line_no));
  doc.title = std::string(text::trim(field(obj, "title").value_or("")));
  doc.url = field(obj, "url").value_or("");
  doc.source = field(obj, "source").value_or("");
  if (auto date = field(obj, "date"); date && !date->empty()) {
    if (auto d = parse_date_prefix(*date)) doc.date = d->date;
    else warn(fmt::format("{}: date not understood: {}", where, *date));
  }
  // Normalised again: \u escapes may spell decomposed or invalid text.
  doc.text = text::normalize(*body);
  report_repairs(doc, rep.invalid_sequences, rep.first_invalid_byte, where, " of the line", warn);
  return std::nullopt;
}

}  // namespace

void read_jsonl(std::string_view name, std::string_view bytes, const DocumentSink& sink, const WarningSink& warn,
                uint64_t max_line_bytes) {
  size_t line_no = 0, pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (text::trim(line).empty()) continue;
    if (max_line_bytes && line.size() > max_line_bytes) {
      warn(too_large_message(fmt::format("{}:{}", name, line_no), line.size(), max_line_bytes));
      continue;
    }
    Document doc;
    if (auto error = read_line(name, line_no, line, doc, warn)) {
      warn(fmt::format("{}:{}: {}", name, line_no, *error));
      continue;
    }
    finish_document(doc, {});
    sink(std::move(doc));
  }
}

}  // namespace sitrep::io
