// Plain-text articles: an optional header block, an optional headline line,
// then the body.
//
// Header block: the first lines of the text that read "key value" or
// "Key: value" with key one of date, title, source, url, id, author. The
// space form needs the key in lower case (a headline starting "Source of..."
// is not a header) and, for date, a value that parses as a date, for url one
// that starts with http or www. A date line may carry the headline after the
// date on the same line ("date 2022-03-02 Talks resume in Geneva"): the rest
// of the line is the title.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>

#include "io/dates.h"
#include "io/reader_internal.h"
#include "text/text_util.h"

namespace sitrep::io {
namespace {

constexpr std::array<std::string_view, 6> kHeaderKeys = {"date", "title", "source", "url", "id", "author"};

struct Line {
  size_t begin, end;  // trimmed bytes of the line in the text
};

struct HeaderLine {
  std::string key;       // lower case
  Span key_span;         // "date", "Title:"
  Span value_span;       // the value
  Span rest_span;        // text after a date on the same line (the headline), may be empty
  Date date;             // for key "date"
};

Span span_of(std::string_view text, std::string_view part) {
  auto b = static_cast<uint32_t>(part.data() - text.data());
  return Span{b, b + static_cast<uint32_t>(part.size())};
}

// Reads "key value" / "Key: value" (see the file comment); nullopt when the
// line is not a header line.
std::optional<HeaderLine> parse_header_line(std::string_view text, std::string_view line) {
  size_t k = 0;
  while (k < line.size() && std::isalpha(static_cast<unsigned char>(line[k]))) ++k;
  std::string key = text::ascii_lower(line.substr(0, k));
  if (std::find(kHeaderKeys.begin(), kHeaderKeys.end(), key) == kHeaderKeys.end()) return std::nullopt;
  bool colon = k < line.size() && line[k] == ':';
  bool space = k < line.size() && (line[k] == ' ' || line[k] == '\t');
  if (!colon && !(space && line.substr(0, k) == key)) return std::nullopt;
  std::string_view value = text::trim(line.substr(k + 1));
  if (value.empty()) return std::nullopt;
  HeaderLine h;
  h.key = key;
  h.key_span = span_of(text, line.substr(0, colon ? k + 1 : k));
  h.value_span = span_of(text, value);
  if (key == "date") {
    auto m = parse_date_prefix(value);
    if (!m) return std::nullopt;
    h.date = m->date;
    std::string_view date_text = text::trim(value.substr(0, m->length));
    std::string_view rest = text::trim(value.substr(m->length));
    h.value_span = span_of(text, date_text);
    if (!rest.empty()) h.rest_span = span_of(text, rest);
  } else if (key == "url" && !colon && !(value.starts_with("http") || value.starts_with("www."))) {
    return std::nullopt;
  } else if (key == "id" && !colon && value.find(' ') != std::string_view::npos) {
    return std::nullopt;
  }
  return h;
}

void apply_header(Document& doc, const HeaderLine& h) {
  std::string value(doc.str(h.value_span));
  if (h.key == "date") doc.date = h.date;
  else if (h.key == "title") doc.title = value;
  else if (h.key == "source") doc.source = value;
  else if (h.key == "url") doc.url = value;
  else if (h.key == "id") doc.id = value;
  // author: kept in the text as a header line; Document has no field for it.
}

// Lines of the text with their trimmed extent, as offsets.
std::vector<Line> trimmed_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t i = 0;
  while (i <= text.size()) {
    size_t nl = std::min(text.find('\n', i), text.size());
    std::string_view t = text::trim(text.substr(i, nl - i));
    size_t b = t.empty() ? i : static_cast<size_t>(t.data() - text.data());
    lines.push_back({b, b + t.size()});
    i = nl + 1;
  }
  return lines;
}

// Lower-case words that cannot end a headline but often end a hard-wrapped line.
bool ends_with_function_word(std::string_view line) {
  std::string_view last_word = text::last_word(line);
  std::string last = text::ascii_lower(last_word);
  for (std::string_view w : {"a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "but", "with",
                             "by", "from", "that", "as", "said", "is", "was"})
    if (last == w && text::word_case(last_word) == text::WordCase::kLower) return true;
  return false;
}

// The first line is the headline when it has a headline's shape
// (text::looks_like_headline) and is followed by a blank line or by body text:
// a next line that begins like a new paragraph, while this one does not end
// with a function word (a hard-wrapped first sentence).
bool is_headline_line(std::string_view line, std::optional<std::string_view> next, bool next_blank) {
  if (!next || !text::looks_like_headline(line)) return false;
  if (next_blank) return true;
  if (ends_with_function_word(line)) return false;
  std::string_view first = text::split_words(*next).front();
  auto wc = text::word_case(first);
  unsigned char c = static_cast<unsigned char>(first.front());
  return wc == text::WordCase::kCapitalized || wc == text::WordCase::kAllCaps || (c >= '0' && c <= '9') ||
         c == '"' || c == 0xE2;  // 0xE2: a typographic quote or dash
}

}  // namespace

void parse_text_header(Document& doc) {
  std::string_view text(doc.text);
  std::vector<Line> lines = trimmed_lines(text);
  auto line_at = [&](size_t k) { return text.substr(lines[k].begin, lines[k].end - lines[k].begin); };
  size_t k = 0;
  bool title_found = false;
  for (; k < lines.size(); ++k) {
    std::string_view line = line_at(k);
    if (line.empty()) continue;
    auto h = parse_header_line(text, line);
    if (!h) break;
    apply_header(doc, *h);
    if (h->key == "title") {
      doc.blocks.push_back({h->key_span, BlockKind::kHeader});
      doc.blocks.push_back({h->value_span, BlockKind::kTitle});
      title_found = true;
      continue;
    }
    bool same_line_title = !h->rest_span.empty();
    Span header{h->key_span.begin, same_line_title ? h->value_span.end : static_cast<uint32_t>(lines[k].end)};
    doc.blocks.push_back({header, BlockKind::kHeader});
    if (same_line_title) {
      doc.blocks.push_back({h->rest_span, BlockKind::kTitle});
      doc.title = std::string(doc.str(h->rest_span));
      title_found = true;
      ++k;
      break;  // the headline ends the header block
    }
  }
  if (title_found) return;
  while (k < lines.size() && line_at(k).empty()) ++k;
  if (k >= lines.size()) return;
  std::optional<std::string_view> next;
  bool next_blank = false;
  if (k + 1 < lines.size()) {
    next_blank = line_at(k + 1).empty();
    size_t j = k + 1;
    while (j < lines.size() && line_at(j).empty()) ++j;
    if (j < lines.size()) next = line_at(next_blank ? j : k + 1);
  }
  if (is_headline_line(line_at(k), next, next_blank)) {
    doc.blocks.push_back({Span{static_cast<uint32_t>(lines[k].begin), static_cast<uint32_t>(lines[k].end)},
                          BlockKind::kTitle});
    doc.title = std::string(line_at(k));
  }
}

}  // namespace sitrep::io
