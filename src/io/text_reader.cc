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

// The trimmed lines of a text, one at a time.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}
  // The next line, trimmed (a view into the text); nullopt at the end.
  std::optional<std::string_view> next() {
    if (pos_ > text_.size()) return std::nullopt;
    size_t nl = std::min(text_.find('\n', pos_), text_.size());
    std::string_view line = text::trim(text_.substr(pos_, nl - pos_));
    pos_ = nl + 1;
    return line;
  }
  // The next non-blank line, and whether a blank line came before it.
  std::optional<std::string_view> next_non_blank(bool* skipped_blank = nullptr) {
    bool blank = false;
    for (auto line = next(); line; line = next()) {
      if (!line->empty()) {
        if (skipped_blank) *skipped_blank = blank;
        return line;
      }
      blank = true;
    }
    return std::nullopt;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

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
  return !ends_with_function_word(line) && text::starts_like_new_block(*next);
}

// Reads the header block (see the file comment) into doc. Returns the first
// line after it (nullopt at the end of the text) and sets *title_found when a
// title came from the header.
std::optional<std::string_view> read_header_block(Document& doc, LineCursor& lines, bool* title_found) {
  std::string_view text(doc.text);
  for (auto line = lines.next_non_blank(); line; line = lines.next_non_blank()) {
    auto h = parse_header_line(text, *line);
    if (!h) return line;
    apply_header(doc, *h);
    if (h->key == "title") {
      doc.blocks.push_back({h->key_span, BlockKind::kHeader});
      doc.blocks.push_back({h->value_span, BlockKind::kTitle});
      *title_found = true;
      continue;
    }
    if (h->rest_span.empty()) {
      doc.blocks.push_back({span_of(text, *line), BlockKind::kHeader});
      continue;
    }
    // A date with the headline after it: the headline ends the header block.
    doc.blocks.push_back({Span{h->key_span.begin, h->value_span.end}, BlockKind::kHeader});
    doc.blocks.push_back({h->rest_span, BlockKind::kTitle});
    doc.title = std::string(doc.str(h->rest_span));
    *title_found = true;
    return lines.next_non_blank();
  }
  return std::nullopt;
}

}  // namespace

void parse_text_header(Document& doc) {
  LineCursor lines(doc.text);
  bool title_found = false;
  std::optional<std::string_view> first = read_header_block(doc, lines, &title_found);
  if (title_found || !first) return;
  bool next_blank = false;
  std::optional<std::string_view> next = lines.next_non_blank(&next_blank);
  if (is_headline_line(*first, next, next_blank)) {
    doc.blocks.push_back({span_of(doc.text, *first), BlockKind::kTitle});
    doc.title = std::string(*first);
  }
}

}  // namespace sitrep::io
