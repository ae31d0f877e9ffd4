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
#include <gumbo.h>

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

void read_html(std::string_view html, Document& doc, std::vector<Span>& caption_spans) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
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
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

}  // namespace sitrep::io
