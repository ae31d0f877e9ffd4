// HTML articles (gumbo).
//
// Metadata: title from og:title, else the first <h1> of the content, else
// <title>; date from the article:published_time / og:article:published_time /
// date / pubdate / DC.date / datePublished meta tags (name, property or
// itemprop), then JSON-LD "datePublished", then the first <time datetime>;
// source from og:site_name; url from <link rel=canonical>, else og:url.
//
// Text: the content root is the first <article>, else <main>, else <body>.
// Each <p>, <h1>-<h6>, <li>, <blockquote>, <figcaption> (and <pre>, <dd>, <td>)
// under it becomes one paragraph, with white space collapsed and <br> kept as
// a line break; paragraphs are joined with a blank line. A page with none of
// these elements has its innermost <div>/<section> elements read instead. Skipped: script,
// style, nav, aside, form, noscript, button, iframe, svg, template, select;
// header and footer outside an <article>; and any element other than html,
// body, main and article whose class or id names a share, social, newsletter,
// subscribe, related, comment, cookie, promo or ad part of the page. Figcaption paragraphs are captions; an <h1>
// that opens the content is the title block.
//
// Hostile markup: before gumbo sees a page, one linear scan measures how deep
// its elements nest (elements that close themselves, like <p> and <li>, do not
// count). Past kMaxHtmlDepth the page is read as text without its markup
// (script and style dropped, block elements as paragraph breaks, the common
// entities decoded) and the caller warns: gumbo's tree building and our
// walks over it cost time and stack in proportion to the depth.
#include <gumbo.h>
#include <utf8proc.h>

#include <cctype>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "io/dates.h"
#include "io/reader_internal.h"
#include "text/normalize.h"
#include "text/text_util.h"

namespace sitrep::io {
namespace {

// Tags that never hold a nested subtree in the depth scan: void elements, and
// those a following sibling closes (<p>, <li>, table cells...).
bool depth_neutral(std::string_view name) {
  static constexpr std::array<std::string_view, 33> kTags = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
      "thead", "tbody", "tfoot", "colgroup", "caption", "rp", "rt", "html", "head", "body"};
  for (std::string_view t : kTags)
    if (name == t) return true;
  return false;
}

bool raw_text_tag(std::string_view name) { return name == "script" || name == "style"; }

bool block_tag(std::string_view name) {
  static constexpr std::array<std::string_view, 22> kTags = {
      "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
      "article", "blockquote", "pre", "table", "ul", "ol", "header", "footer", "figcaption", "dd"};
  for (std::string_view t : kTags)
    if (name == t) return true;
  return false;
}

// One tag at html[lt] ('<'): its lowercased name, whether it closes, and where it ends.
struct TagAt {
  std::string name;
  bool closing = false, self_closing = false, markup = false;  // markup: a comment, doctype or other <!...>
  size_t end = 0;                                               // one past its '>'
};

TagAt tag_at(std::string_view html, size_t lt) {
  TagAt t;
  size_t i = lt + 1;
  if (i < html.size() && (html[i] == '!' || html[i] == '?')) {
    t.markup = true;
    size_t close = html.substr(i, 3) == "!--" ? html.find("-->", i) : html.find('>', i);
    t.end = close == std::string_view::npos ? html.size() : close + (html[close] == '-' ? 3 : 1);
    return t;
  }
  if (i < html.size() && html[i] == '/') t.closing = true, ++i;
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-'))
    t.name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++]))));
  if (t.name.empty()) return t;  // a bare '<' in text
  size_t gt = html.find('>', i);
  t.end = gt == std::string_view::npos ? html.size() : gt + 1;
  t.self_closing = gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/';
  return t;
}

// Past the end of the raw-text element whose content starts at `from` ("</script").
size_t raw_text_end(std::string_view html, size_t from, std::string_view name) {
  std::string close = "</" + std::string(name);
  for (size_t at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2))
    if (text::ascii_lower(html.substr(at, close.size())) == close) return at;
  return html.size();
}

// Whether elements nest deeper than `limit` (one pass, no tree built).
bool nests_deeper_than(std::string_view html, int limit) {
  int depth = 0;
  for (size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', lt + 1)) {
    TagAt t = tag_at(html, lt);
    if (t.markup || t.name.empty()) continue;
    if (t.closing) {
      if (!depth_neutral(t.name) && depth > 0) --depth;
    } else if (raw_text_tag(t.name)) {
      lt = raw_text_end(html, t.end, t.name);
      if (lt >= html.size()) break;
    } else if (!t.self_closing && !depth_neutral(t.name) && ++depth > limit) {
      return true;
    }
    if (t.end > lt) lt = t.end - 1;
  }
  return false;
}

// &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric references; others stay as written.
void append_decoded(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    if (name == "amp") cp = '&';
    else if (name == "lt") cp = '<';
    else if (name == "gt") cp = '>';
    else if (name == "quot") cp = '"';
    else if (name == "apos") cp = '\'';
    else if (name == "nbsp") cp = ' ';
    else if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      for (char c : name.substr(hex ? 2 : 1)) {
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(c)) ? (std::tolower(c) - 'a' + 10)
                                                                        : -1;
        if (d < 0 || cp > 0x10FFFF) {
          cp = 0;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      }
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0;
    }
    if (cp == 0) {
      out.push_back('&');
      continue;
    }
    utf8proc_uint8_t buf[4];
    out.append(reinterpret_cast<const char*>(buf),
               static_cast<size_t>(utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf)));
    i = semi;
  }
}

// Appends text with runs of white space collapsed to one space.
void append_collapsed(std::string& out, std::string_view s) {
  for (char c : s) {
    bool space = text::is_ascii_space(c) || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

// The page's text without its markup (see the file comment): paragraphs joined by a blank line.
std::string text_without_markup(std::string_view html) {
  std::string raw;
  size_t pos = 0;
  for (size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', pos)) {
    TagAt t = tag_at(html, lt);
    if (!t.markup && t.name.empty()) {  // a bare '<': text
      append_decoded(raw, html.substr(pos, lt + 1 - pos));
      pos = lt + 1;
      continue;
    }
    append_decoded(raw, html.substr(pos, lt - pos));
    pos = t.end;
    if (!t.markup && block_tag(t.name)) raw += "\n\n";
    if (!t.markup && !t.closing && raw_text_tag(t.name)) {
      size_t end = raw_text_end(html, t.end, t.name);
      pos = end < html.size() ? tag_at(html, end).end : html.size();
    }
  }
  if (pos < html.size()) append_decoded(raw, html.substr(pos));
  std::string out;
  for (size_t b = 0; b < raw.size();) {
    size_t e = raw.find("\n\n", b);
    if (e == std::string::npos) e = raw.size();
    std::string para;
    append_collapsed(para, std::string_view(raw).substr(b, e - b));
    std::string_view t = text::trim(para);
    if (!t.empty()) {
      if (!out.empty()) out += "\n\n";
      out += t;
    }
    b = e + 2;
  }
  return text::normalize(out);
}

const char* attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string attr_lower(const GumboNode* node, const char* name) {
  const char* v = attr(node, name);
  return v ? text::ascii_lower(v) : std::string();
}

GumboTag tag_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector& children(const GumboNode* node) {
  static const GumboVector kEmpty{nullptr, 0, 0};
  if (node->type == GUMBO_NODE_ELEMENT) return node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return node->v.document.children;
  return kEmpty;
}

template <typename F>
void for_each_child(const GumboNode* node, F&& f) {
  const GumboVector& kids = children(node);
  for (unsigned i = 0; i < kids.length; ++i) f(static_cast<const GumboNode*>(kids.data[i]));
}

// Depth-first search for the first element with `tag`.
const GumboNode* find_first(const GumboNode* node, GumboTag tag) {
  if (tag_of(node) == tag) return node;
  const GumboVector& kids = children(node);
  for (unsigned i = 0; i < kids.length; ++i)
    if (const GumboNode* hit = find_first(static_cast<const GumboNode*>(kids.data[i]), tag)) return hit;
  return nullptr;
}

// Elements that never hold article text.
bool is_non_content_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT: case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

// A class or id part that names page furniture: each name is cut at '-', '_'
// and spaces; a part matches when it starts with an unambiguous stem
// ("share-bar", "sharetools", "social_links", "newsletter-signup",
// "subscribe", "cookie-banner", "promo", "advertisement") or is exactly
// "related", "comment", "comments", "ad" or "ads" ("commentary" is an article
// section, not a comment thread).
bool names_page_furniture(std::string_view names) {
  static constexpr std::array<std::string_view, 8> kStems = {"share", "sharing", "social", "newsletter",
                                                             "subscri", "cookie", "promo", "advert"};
  static constexpr std::array<std::string_view, 5> kWords = {"related", "comment", "comments", "ad", "ads"};
  size_t i = 0;
  while (i < names.size()) {
    size_t j = std::min(names.find_first_of(" -_\t", i), names.size());
    std::string_view part = names.substr(i, j - i);
    for (std::string_view w : kWords)
      if (part == w) return true;
    for (std::string_view stem : kStems)
      if (part.starts_with(stem)) return true;
    i = j + 1;
  }
  return false;
}

// The page's containers are never furniture, whatever their classes say
// (WordPress puts "comments-open" on <body>).
bool is_container(GumboTag tag) {
  return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE;
}

bool is_skipped(const GumboNode* node, bool inside_article) {
  GumboTag tag = tag_of(node);
  if (is_non_content_tag(tag)) return true;
  if (!inside_article && (tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER)) return true;
  if (is_container(tag)) return false;
  return names_page_furniture(attr_lower(node, "class")) || names_page_furniture(attr_lower(node, "id"));
}

// Which elements make paragraphs: the text elements, or, for pages that put
// their text straight into <div>s and have no text element at all, the
// innermost <div>/<section> elements too.
enum class ParagraphMode { kTextElements, kAlsoDivs };

bool is_paragraph_tag(GumboTag tag, ParagraphMode mode) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_PRE: case GUMBO_TAG_DD: case GUMBO_TAG_TD:
      return true;
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
      return mode == ParagraphMode::kAlsoDivs;
    default:
      return false;
  }
}

bool contains_paragraph(const GumboNode* node, ParagraphMode mode) {
  bool found = false;
  for_each_child(node, [&](const GumboNode* c) {
    found = found || is_paragraph_tag(tag_of(c), mode) || contains_paragraph(c, mode);
  });
  return found;
}


void collect_text(const GumboNode* node, bool inside_article, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
    append_collapsed(out, node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT || is_skipped(node, inside_article)) return;
  if (tag_of(node) == GUMBO_TAG_BR) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out.push_back('\n');
    return;
  }
  for_each_child(node, [&](const GumboNode* c) { collect_text(c, inside_article, out); });
}

struct Paragraph {
  std::string text;
  bool caption = false;
  bool h1 = false;
};

// The paragraphs under `node` (see the file comment).
void collect_paragraphs(const GumboNode* node, bool inside_article, ParagraphMode mode,
                        std::vector<Paragraph>& out) {
  if (node->type != GUMBO_NODE_ELEMENT || is_skipped(node, inside_article)) return;
  GumboTag tag = tag_of(node);
  inside_article = inside_article || tag == GUMBO_TAG_ARTICLE;
  if (is_paragraph_tag(tag, mode) && !contains_paragraph(node, mode)) {
    std::string raw;
    collect_text(node, inside_article, raw);
    std::string_view t = text::trim(raw);
    if (!t.empty()) out.push_back({text::normalize(t), tag == GUMBO_TAG_FIGCAPTION, tag == GUMBO_TAG_H1});
    return;
  }
  for_each_child(node, [&](const GumboNode* c) { collect_paragraphs(c, inside_article, mode, out); });
}

// The text of an element (for <title>, <h1>), collapsed and trimmed.
std::string element_text(const GumboNode* node) {
  std::string raw;
  collect_text(node, true, raw);
  return text::normalize(text::trim(raw));
}

struct PageMeta {
  std::string og_title, og_site_name, og_url, canonical;
  std::optional<Date> meta_date, ld_date, time_date;
};

// Meta names that carry the publication date.
bool is_date_meta(std::string_view key) {
  for (std::string_view k : {"article:published_time", "og:article:published_time", "date", "pubdate",
                             "dc.date", "dc.date.issued", "datepublished", "publishdate", "publish-date",
                             "sailthru.date", "parsely-pub-date"})
    if (key == k) return true;
  return false;
}

// "datePublished" anywhere in a JSON-LD value (objects, arrays, @graph).
std::optional<Date> find_ld_date(const nlohmann::json& j) {
  if (j.is_object()) {
    auto it = j.find("datePublished");
    if (it != j.end() && it->is_string())
      if (auto m = parse_date_prefix(it->get<std::string>())) return m->date;
    for (const auto& [k, v] : j.items())
      if (auto d = find_ld_date(v)) return d;
  } else if (j.is_array()) {
    for (const auto& v : j)
      if (auto d = find_ld_date(v)) return d;
  }
  return std::nullopt;
}

void read_json_ld(const GumboNode* script, PageMeta& meta) {
  std::string body;
  for_each_child(script, [&](const GumboNode* c) {
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) body += c->v.text.text;
  });
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded() && !meta.ld_date) meta.ld_date = find_ld_date(j);
}

void collect_meta(const GumboNode* node, PageMeta& meta) {
  GumboTag tag = tag_of(node);
  if (tag == GUMBO_TAG_META) {
    std::string key = attr_lower(node, "property");
    if (key.empty()) key = attr_lower(node, "name");
    if (key.empty()) key = attr_lower(node, "itemprop");
    const char* content = attr(node, "content");
    if (!content) content = attr(node, "datetime");
    if (content) {
      if (key == "og:title" && meta.og_title.empty()) meta.og_title = text::normalize(text::trim(content));
      if (key == "og:site_name" && meta.og_site_name.empty()) meta.og_site_name = text::normalize(text::trim(content));
      if (key == "og:url" && meta.og_url.empty()) meta.og_url = text::trim(content);
      if (is_date_meta(key) && !meta.meta_date)
        if (auto m = parse_date_prefix(text::trim(content))) meta.meta_date = m->date;
    }
  } else if (tag == GUMBO_TAG_LINK && attr_lower(node, "rel") == "canonical" && attr(node, "href")) {
    if (meta.canonical.empty()) meta.canonical = text::trim(attr(node, "href"));
  } else if (tag == GUMBO_TAG_SCRIPT && attr_lower(node, "type") == "application/ld+json") {
    read_json_ld(node, meta);
  } else if (tag == GUMBO_TAG_TIME && attr(node, "datetime") && !meta.time_date) {
    if (auto m = parse_date_prefix(text::trim(attr(node, "datetime")))) meta.time_date = m->date;
  } else if (attr_lower(node, "itemprop") == "datepublished" && !meta.meta_date) {
    // <span itemprop="datePublished" content="..."> or <time itemprop=... datetime=...>
    const char* value = attr(node, "content") ? attr(node, "content") : attr(node, "datetime");
    if (value)
      if (auto m = parse_date_prefix(text::trim(value))) meta.meta_date = m->date;
  }
  for_each_child(node, [&](const GumboNode* c) { collect_meta(c, meta); });
}

}  // namespace

bool read_html(std::string_view html, Document& doc, std::vector<Span>& caption_spans) {
  if (nests_deeper_than(html, kMaxHtmlDepth)) {
    doc.text = text_without_markup(html);
    return false;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 100;  // a broken page must not fill memory with parse errors
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  PageMeta meta;
  collect_meta(out->document, meta);

  const GumboNode* root = find_first(out->root, GUMBO_TAG_ARTICLE);
  if (!root) root = find_first(out->root, GUMBO_TAG_MAIN);
  if (!root) root = find_first(out->root, GUMBO_TAG_BODY);
  if (!root) root = out->root;
  std::vector<Paragraph> paragraphs;
  collect_paragraphs(root, false, ParagraphMode::kTextElements, paragraphs);
  if (paragraphs.empty()) collect_paragraphs(root, false, ParagraphMode::kAlsoDivs, paragraphs);

  doc.text.clear();
  for (const Paragraph& p : paragraphs) {
    if (!doc.text.empty()) doc.text += "\n\n";
    auto begin = static_cast<uint32_t>(doc.text.size());
    doc.text += p.text;
    Span span{begin, static_cast<uint32_t>(doc.text.size())};
    if (p.caption) caption_spans.push_back(span);
    // An <h1> that opens the content is the article's headline.
    if (p.h1 && begin == 0) doc.blocks.push_back({span, BlockKind::kTitle});
  }

  doc.title = meta.og_title;
  if (doc.title.empty())
    if (const GumboNode* h1 = find_first(root, GUMBO_TAG_H1)) doc.title = element_text(h1);
  if (doc.title.empty())
    if (const GumboNode* t = find_first(out->root, GUMBO_TAG_TITLE)) doc.title = element_text(t);
  if (meta.meta_date) doc.date = *meta.meta_date;
  else if (meta.ld_date) doc.date = *meta.ld_date;
  else if (meta.time_date) doc.date = *meta.time_date;
  doc.source = meta.og_site_name;
  doc.url = !meta.canonical.empty() ? meta.canonical : meta.og_url;
  gumbo_destroy_output(&options, out);
  return true;
}

}  // namespace sitrep::io
