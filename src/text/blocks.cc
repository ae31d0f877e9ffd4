// Cutting text into blocks and classifying them. Every rule is a small named
// predicate over one block's text; see docs/input-formats.md for the list.
#include "text/blocks.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "text/text_util.h"

namespace sitrep::text {
namespace {

using Phrases = std::initializer_list<std::string_view>;

bool starts_with_any(std::string_view s, Phrases phrases) {
  for (std::string_view p : phrases)
    if (starts_with_phrase(s, p)) return true;
  return false;
}

bool contains_any(std::string_view lower, Phrases phrases) {
  for (std::string_view p : phrases)
    if (contains_phrase(lower, p)) return true;
  return false;
}

bool ends_with_any(std::string_view lower, Phrases phrases) {
  for (std::string_view p : phrases)
    if (lower.ends_with(p)) return true;
  return false;
}

// ---------------------------------------------------------------- cutting

struct Line {
  size_t begin, end;  // without the newline
};

bool is_blank(std::string_view line) { return trim(line).empty(); }

// Abbreviations that end with a period but seldom end a sentence.
bool ends_with_title_abbreviation(std::string_view line) {
  std::string last = ascii_lower(last_word(line));
  for (std::string_view a : {"mr.", "mrs.", "ms.", "dr.", "gen.", "lt.", "col.", "sgt.", "sen.", "rep.",
                             "gov.", "st.", "no.", "prof.", "capt.", "maj.", "adm."})
    if (last == a) return true;
  return false;
}

bool is_caption_text(std::string_view block);

// A single line break ends a block when the line before it is complete (it
// ends a sentence, reads as a title-case headline, or ends with a photo
// credit) and the next line begins like a new block. Otherwise the break is a
// hard wrap inside a paragraph.
bool line_break_ends_block(std::string_view line, std::string_view next) {
  if (!starts_like_new_block(next)) return false;
  if (ends_sentence(line)) return !ends_with_title_abbreviation(line);
  if (looks_like_headline(line) && is_title_case(line)) return true;
  return is_caption_text(line);
}

std::vector<Line> lines_from(std::string_view text, size_t from) {
  std::vector<Line> lines;
  size_t i = from;
  while (i <= text.size()) {
    size_t nl = text.find('\n', i);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back({i, end});
    if (nl == std::string_view::npos) break;
    i = nl + 1;
  }
  return lines;
}

void add_block(Document& doc, size_t begin, size_t end) {
  std::string_view all(doc.text);
  std::string_view raw = all.substr(begin, end - begin);
  std::string_view t = trim(raw);
  if (t.empty()) return;
  auto b = static_cast<uint32_t>(t.data() - all.data());
  doc.blocks.push_back(Block{Span{b, b + static_cast<uint32_t>(t.size())}, BlockKind::kNews});
}

// Cuts doc.text[from..] into blocks at blank lines and, when `at_line_breaks`,
// at single line breaks that end a block (line_break_ends_block).
void cut_blocks(Document& doc, size_t from, bool at_line_breaks) {
  std::string_view text(doc.text);
  std::vector<Line> lines = lines_from(text, from);
  size_t start = std::string_view::npos;
  for (size_t k = 0; k < lines.size(); ++k) {
    std::string_view line = text.substr(lines[k].begin, lines[k].end - lines[k].begin);
    if (is_blank(line)) {
      if (start != std::string_view::npos) add_block(doc, start, lines[k].begin);
      start = std::string_view::npos;
      continue;
    }
    if (start == std::string_view::npos) start = lines[k].begin;
    bool last = k + 1 == lines.size();
    if (!last && at_line_breaks) {
      std::string_view next = text.substr(lines[k + 1].begin, lines[k + 1].end - lines[k + 1].begin);
      std::string_view so_far = text.substr(start, lines[k].end - start);
      if (!is_blank(next) && line_break_ends_block(so_far, next)) {
        add_block(doc, start, lines[k].end);
        start = std::string_view::npos;
      }
    }
  }
  if (start != std::string_view::npos) add_block(doc, start, text.size());
}

// ------------------------------------------------------------ boilerplate

// Longer blocks are body text whatever phrases they contain.
constexpr size_t kMaxPromptWords = 30;

// Newsletter and sign-up prompts: a short block that opens with a call to
// action ("Sign up to...", "Subscribe to...", "Enter your email", "By
// submitting this form...") and speaks to the reader (you/your, newsletter,
// email, inbox, terms, latest news, alerts..., an exclamation mark, or six
// words at most); or one that mentions a newsletter or
// inbox together with signing up or subscribing. A news sentence that reports
// people signing up ("Thousands rushed to sign up...") does not open with the
// call, and one that does ("Sign up for the reserves, the president urged",
// "Get our troops home, protesters chanted") does not address the reader.
bool is_newsletter_prompt(std::string_view text, std::string_view lower, size_t words) {
  if (words > kMaxPromptWords) return false;
  bool call_to_action = starts_with_any(lower, {"sign up", "sign-up", "signup", "subscribe", "enter your email",
                                                "enter your e-mail", "enter email", "get our", "get the latest",
                                                "join our", "register for our", "by submitting", "by signing up",
                                                "by subscribing", "by clicking", "thank you for subscribing",
                                                "thanks for subscribing", "thanks for signing up", "don't miss",
                                                "never miss", "stay informed", "stay up to date", "want more"});
  if (call_to_action) {
    return text.ends_with("!") || words <= 6 ||
           contains_any(lower, {"you", "your", "newsletter", "newsletters", "inbox", "email", "e-mail", "terms",
                                "privacy policy", "mailing list", "briefing", "latest news", "alerts"});
  }
  return contains_any(lower, {"newsletter", "newsletters", "your inbox", "mailing list"}) &&
         contains_any(lower, {"sign up", "subscribe", "delivered to", "your email", "your inbox"}) &&
         contains_any(lower, {"you", "your", "our"});
}

// Names of social networks and share actions.
constexpr std::array<std::string_view, 20> kNetworks = {
    "facebook", "twitter", "linkedin", "whatsapp", "email", "e-mail", "print", "reddit", "telegram", "pinterest",
    "share", "tweet", "copy", "link", "messenger", "x", "instagram", "youtube", "tiktok", "threads"};

bool mentions_network(std::string_view lower) {
  for (std::string_view n : kNetworks)
    if (n.size() > 2 && contains_phrase(lower, n)) return true;
  return contains_any(lower, {"social media", "google news", "on x"});
}

// Share and follow lines: "Share this article", "Click here to...", "Read
// more:", "Related:"; "Follow us on Twitter", "Join us on Telegram" (follow
// and join lines must name a network, or be four words at most, so that
// "Follow our lead, the president urged allies" stays news); or a line made
// only of network names ("Facebook Twitter WhatsApp Email").
bool is_share_or_follow(std::string_view lower, size_t words) {
  if (words > kMaxPromptWords) return false;
  if (starts_with_any(lower, {"share this article", "share this story", "share on", "share article", "share via",
                              "share:", "click here", "tap here", "read more:", "read more here", "read also:",
                              "see also:", "related:", "related articles", "related stories", "like us on",
                              "download our app", "download the app", "listen to this article"}))
    return true;
  if (starts_with_any(lower, {"follow us", "follow our", "follow @", "join us on", "join our", "share this"}))
    return words <= 4 || mentions_network(lower);
  auto is_network = [](std::string_view w) {
    for (std::string_view n : kNetworks)
      if (w == n) return true;
    return false;
  };
  if (words == 0 || !is_network(lower.substr(0, lower.find_first_of(" \t\n")))) return false;  // cheap exit
  for (std::string_view w : split_words(lower))
    if (!is_network(w)) return false;
  return true;
}

// Legal and copyright lines: "© 2022 ... All rights reserved", "Copyright 2022
// ..." / "Copyright © ...", "This material may not be published...", and short lines that only
// link terms of use or privacy policy.
bool is_legal(std::string_view lower, size_t words) {
  if (words > 40) return false;
  if (contains_phrase(lower, "all rights reserved")) return true;
  if (lower.starts_with("\xC2\xA9") || lower.starts_with("(c) ")) return true;
  if (lower.starts_with("copyright ")) {  // followed by ©, (c) or a year, not "Copyright holders sued..."
    std::string_view rest = trim(lower.substr(10));
    if (rest.starts_with("\xC2\xA9") || rest.starts_with("(c)") || (!rest.empty() && rest[0] >= '0' && rest[0] <= '9'))
      return true;
  }
  if (words <= 20 && lower.find("\xC2\xA9") != std::string_view::npos) return true;
  if (starts_with_any(lower, {"this material may not be published", "no part of this"})) return true;
  return words <= 12 && contains_any(lower, {"terms of use", "terms of service", "privacy policy", "cookie policy"});
}

// Agency credit lines closing a wire story: "(Reporting by ...; Editing by ...)".
bool is_reporting_credit(std::string_view lower, size_t words) {
  if (words > 40) return false;
  return starts_with_any(lower, {"(reporting by", "(additional reporting", "reporting by", "(writing by",
                                 "(editing by", "(compiled by"});
}

// Lines of web-page furniture that stand alone: "Advertisement", "Story
// continues below", "Continue reading", "Skip to main content"...
bool is_page_furniture_line(std::string_view lower, size_t words) {
  if (words > 6) return false;
  std::string_view t = trim(lower);
  while (!t.empty() && (t.back() == ':' || t.back() == '.' || t.back() == '!')) t.remove_suffix(1);
  for (std::string_view line : {"advertisement", "skip advertisement", "sponsored", "sponsored content",
                                "story continues below", "story continues below advertisement",
                                "article continues below", "continue reading", "continue reading below",
                                "scroll to continue", "skip to main content", "skip to content", "loading",
                                "loading...", "watch", "listen", "print", "comments", "most read", "trending"})
    if (t == line) return true;
  return false;
}

// A byline: "By Jane Doe", "By Jane Doe and Ali Khan, Reuters": "By" and at
// most seven more words, all capitalised or joining words, no final period.
bool is_byline(std::string_view text, size_t words) {
  if (words < 2 || words > 8 || !starts_with_phrase(text, "by") || text.ends_with(".")) return false;
  std::vector<std::string_view> parts = split_words(text);
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view w = parts[i];
    while (!w.empty() && (w.back() == ',' || w.back() == ';')) w.remove_suffix(1);
    WordCase wc = word_case(w);
    if (wc == WordCase::kLower && w != "and" && w != "in" && w != "for" && w != "de" && w != "van") return false;
  }
  return word_case(parts[1]) == WordCase::kCapitalized || word_case(parts[1]) == WordCase::kAllCaps;
}

// --------------------------------------------------------------- captions

// "This photo ...", "This undated handout image ...": a caption only when a
// picture verb follows within the next few words ("shows", "taken",
// "released", "provided", "obtained", "made available", "courtesy"), so that
// "This photo op was staged, critics said" stays news.
bool this_picture_caption(std::string_view lower) {
  if (!starts_with_any(lower, {"this photo", "this picture", "this image", "this handout", "this undated",
                               "this file photo", "this aerial", "this satellite", "this still", "this video grab",
                               "this screenshot", "this screen grab"}))
    return false;
  std::vector<std::string_view> words = split_words(lower.substr(0, 120));
  for (size_t i = 1; i < words.size() && i <= 6; ++i)
    for (std::string_view verb : {"shows", "show", "showing", "taken", "released", "provided", "obtained",
                                  "made", "distributed", "posted", "courtesy", "dated", "handed"})
      if (words[i] == verb) return true;
  return false;
}

// Caption openings: "This combination of photographs shows...", "Pictured:",
// "Photograph:", "Photo:", "File photo", "In this photo taken..." and "This
// photo shows..." (this_picture_caption).
bool opens_like_caption(std::string_view lower) {
  return this_picture_caption(lower) ||
         starts_with_any(lower, {"this combination of", "this combination photo", "in this photo", "in this image",
                                 "in this file photo", "in this handout", "pictured:", "photograph:", "photo:",
                                 "photos:", "picture:", "image:", "caption:", "file photo", "file picture",
                                 "handout photo", "above:", "top:", "main image:", "(photo", "photo by",
                                 "photos by", "photo credit"});
}

// A word of a photographer or agency credit: ALL CAPS ("AFP", "SKARZYNSKI"),
// or with a slash ("REUTERS/Gleb", "ANGELOS/AFP").
bool is_credit_word(std::string_view w) {
  return word_case(w) == WordCase::kAllCaps || w.find('/') != std::string_view::npos;
}

// Is `tail` (the words after a block's last sentence, or a whole short block)
// a credit: "Photo: Name/Agency", "File photo", "... via Getty Images",
// "REUTERS/Name", "(AP Photo/Name)", or, after a caption sentence, a run of
// ALL-CAPS photographer names.
bool is_credit(std::string_view tail, bool after_sentence) {
  tail = trim(tail);
  if (tail.empty() || count_words(tail, 12) > 12) return false;
  std::string lower = ascii_lower(tail);
  std::vector<std::string_view> words = split_words(tail);
  if (words.size() > 12) return false;
  if (starts_with_any(lower, {"photo:", "photos:", "photograph:", "picture:", "image:", "credit:", "photo by",
                              "photos by", "file photo", "file picture", "handout", "pool photo", "(photo",
                              "(ap photo", "(file photo", "(handout"}))
    return true;
  if (ends_with_any(lower, {"getty images", "getty images)", "/afp", "/reuters", "/ap", "/epa", "(reuters)",
                            "(afp)", "(ap)", "(epa)", "(xinhua)", "file photo", "file photo)"}))
    return true;
  // A slash credit with an agency in capitals: "REUTERS/Gleb Garanich".
  if (contains_any(lower, {"reuters/", "afp/", "ap/", "epa/", "epa-efe/", "xinhua/", "anadolu/", "sputnik/"}) &&
      words.front().find('/') != std::string_view::npos)
    return true;
  if (!after_sentence || words.size() > 8) return false;
  size_t credit_words = 0;
  for (std::string_view w : words) {
    if (is_credit_word(w)) ++credit_words;
    else if (word_case(w) == WordCase::kLower && w != "via" && w != "and") return false;
  }
  return credit_words * 2 >= words.size() && credit_words >= 1 && words.size() >= 2;
}

// Candidate tails: the text after each sentence end (". ", "? ", "! ", ".” ")
// within the last 12 words of the block.
bool ends_with_credit(std::string_view block) {
  block = trim(block);
  if (is_credit(block, false)) return true;
  // In text written all in capitals (wires, headlines), capitals tell no names: "... BY THE
  // U.S. STATE DEPARTMENT ON RELIGIOUS FREEDOM." ends on no photographers.
  const bool capitals = std::none_of(block.begin(), block.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  size_t limit = block.size() > 160 ? block.size() - 160 : 0;
  for (size_t i = block.size(); i-- > limit;) {
    if (block[i] != ' ') continue;
    std::string_view before = block.substr(0, i);
    if (!ends_sentence(before)) continue;
    if (is_credit(block.substr(i + 1), !capitals)) return true;
  }
  return false;
}

// Photo captions and credits: a block that opens like a caption, or one that
// ends with a credit; never a long block.
bool is_caption_text(std::string_view block) {
  block = trim(block);
  if (block.empty() || block.size() > 1500 || count_words(block, 90) > 90) return false;
  return opens_like_caption(ascii_lower(block.substr(0, 120))) || ends_with_credit(block);
}

// --------------------------------------------------------------- headlines

// Text compared without case, surrounding space or final punctuation.
std::string comparable(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?')) s.remove_suffix(1);
  return ascii_lower(trim(s));
}

// The block is the document's title again (case and final punctuation aside).
bool equals_title(std::string_view block, const std::string& title_key) {
  return !title_key.empty() && comparable(block) == title_key;
}

// A headline repeated in the body: the same text as the title, or, after at
// least one news paragraph, a short title-case line with no final period
// (web pages repeat headlines of the article or of related ones there).

bool is_repeated_headline(std::string_view block, const std::string& title_key, bool after_news) {
  if (equals_title(block, title_key)) return true;
  if (!after_news) return false;
  return looks_like_headline(block) && count_words(block, 15) <= 15 && is_title_case(block) && !ends_sentence(block);
}

BlockKind classify(std::string_view block, const std::string& title_key, bool after_news) {
  if (equals_title(block, title_key)) return BlockKind::kRepeated;  // before the caption rules
  size_t words = count_words(block, 90);  // exact up to 91: the rules only compare with 40 and 90
  if (is_caption_text(block)) return BlockKind::kCaption;
  if (words <= 40) {
    std::string lower = ascii_lower(block);
    if (is_newsletter_prompt(block, lower, words) || is_share_or_follow(lower, words) || is_legal(lower, words) ||
        is_reporting_credit(lower, words) || is_page_furniture_line(lower, words) || is_byline(block, words))
      return BlockKind::kBoilerplate;
  }
  if (is_repeated_headline(block, title_key, after_news)) return BlockKind::kRepeated;
  return BlockKind::kNews;
}

}  // namespace

void split_paragraphs(Document& doc, uint32_t from) { cut_blocks(doc, from, false); }

void classify_blocks(Document& doc) {
  size_t kept = doc.blocks.size();
  uint32_t from = 0;
  bool after_news = false;
  for (const Block& b : doc.blocks) {
    from = std::max(from, b.span.end);
    after_news |= b.kind == BlockKind::kNews;
  }
  cut_blocks(doc, from, true);
  std::string title_key = comparable(doc.title);
  for (size_t k = kept; k < doc.blocks.size(); ++k) {
    Block& b = doc.blocks[k];
    b.kind = classify(doc.str(b.span), title_key, after_news);
    after_news |= b.kind == BlockKind::kNews;
  }
}

}  // namespace sitrep::text
