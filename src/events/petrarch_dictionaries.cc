#include "events/petrarch_dictionaries.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace sitrep::events {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The line without its `#` comment; a `#` inside [...] is part of a code ("[###]").
std::string_view strip_comment(std::string_view line, char mark = '#') {
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') ++depth;
    if (line[i] == ']' && depth > 0) --depth;
    if (line[i] == mark && depth == 0) return line.substr(0, i);
  }
  return line;
}

// Splits "A_B C" into lower-case words, dropping empty ones.
std::vector<std::string> phrase_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '_' || std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) out.push_back(lower(cur)), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(lower(cur));
  return out;
}

std::string where(const std::string& file, size_t line) { return file + ":" + std::to_string(line); }

Status error(const std::string& file, size_t line, const std::string& msg) {
  return Status::Error(where(file, line) + ": " + msg);
}

// Iterates over lines with their 1-based numbers.
template <typename F>
Status for_lines(std::string_view text, F&& f) {
  size_t n = 0, pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++n;
    SITREP_RETURN_IF_ERROR(f(line, n));
    if (end == text.size()) break;
    pos = end + 1;
  }
  return Status::Ok();
}

// "[CODE]" at the end of `s`: the code and `s` without it. No brackets: empty code.
bool take_code(std::string_view& s, std::string& code) {
  size_t open = s.rfind('[');
  if (open == std::string_view::npos) return false;
  size_t close = s.find(']', open);
  if (close == std::string_view::npos) return false;
  code = std::string(trim(s.substr(open + 1, close - open - 1)));
  s = trim(s.substr(0, open));
  return true;
}

// ---- verbs ----------------------------------------------------------------------

struct VerbEntry {
  std::string head;
  std::vector<std::string> prefix, suffix;
  std::string code;  // own code, "" = the block's
  std::string origin;
};

// "WIRE_+TAP" -> head "tap", prefix {"wire"}; "+BREAK_DOWN" -> head "break", suffix {"down"}.
bool parse_verb_phrase(std::string_view s, VerbEntry& e) {
  std::vector<std::string> words = phrase_words(s);
  if (words.empty()) return false;
  size_t h = 0;
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i][0] == '+') h = i, words[i].erase(0, 1);
  e.head = words[h];
  e.prefix.assign(words.begin(), words.begin() + static_cast<long>(h));
  e.suffix.assign(words.begin() + static_cast<long>(h) + 1, words.end());
  return !e.head.empty();
}

class VerbParser {
 public:
  VerbParser(const std::string& file, PetrarchDictionaries& out) : file_(file), out_(out) {}

  Status line(std::string_view raw, size_t n) {
    std::string_view s = trim(strip_comment(raw));
    if (s.empty()) return Status::Ok();
    if (s.rfind("---", 0) == 0) {  // --- NAME [CODE] ---
      flush();
      std::string_view body = trim(s.substr(3));
      if (body.size() >= 3 && body.substr(body.size() - 3) == "---") body = trim(body.substr(0, body.size() - 3));
      std::string code;
      block_code_ = take_code(body, code) ? code : "---";
      in_block_ = true;
      return Status::Ok();
    }
    if (s[0] == '&') {  // a synset
      in_block_ = false;
      std::string name = lower(trim(s));
      if (!name.empty() && name.back() == '_') name.pop_back();
      synset_ = name;
      synsets_[synset_];
      return Status::Ok();
    }
    if (!in_block_) {
      if (s[0] != '+' || synset_.empty()) return error(file_, n, "expected a synset (&NAME), its +members or a --- block ---");
      std::string member(trim(s.substr(1)));
      std::erase_if(member, [](char c) { return c == '(' || c == ')'; });
      if (!member.empty() && member[0] == '&') {  // an embedded synset
        std::string inner = lower(member);
        if (!inner.empty() && inner.back() == '_') inner.pop_back();
        auto it = synsets_.find(inner);
        if (it == synsets_.end()) return warn(n, "undefined synset " + member);
        auto copy = it->second;
        for (auto& p : copy) synsets_[synset_].push_back(p);
        return Status::Ok();
      }
      std::vector<std::string> words = phrase_words(member);
      if (!words.empty()) synsets_[synset_].push_back(std::move(words));
      return Status::Ok();
    }
    if (s[0] == '~') return warn(n, "transformations (~) are not supported; skipped");
    if (s[0] == '-' || s[0] == '*') return pattern(s[0] == '-' ? s.substr(1) : s, n);
    return verb(s, n);
  }

  void flush() {
    for (const VerbEntry& v : verbs_) {
      VerbPattern base;
      base.head = v.head;
      base.head_prefix = v.prefix;
      base.head_suffix = v.suffix;
      std::string code = v.code.empty() ? block_code_ : v.code;
      split_code(code, base.code, base.reverse_code);
      base.origin = v.origin;
      out_.patterns.push_back(base);
      for (const VerbPattern& p : patterns_) {
        VerbPattern q = p;
        q.head = v.head, q.head_prefix = v.prefix, q.head_suffix = v.suffix;
        out_.patterns.push_back(std::move(q));
      }
    }
    verbs_.clear();
    patterns_.clear();
  }

 private:
  Status warn(size_t n, const std::string& msg) {
    out_.warnings.push_back(where(file_, n) + ": " + msg);
    return Status::Ok();
  }

  static void split_code(const std::string& code, std::string& a, std::string& b) {
    size_t colon = code.find(':');
    a = code.substr(0, colon);
    b = colon == std::string::npos ? "" : code.substr(colon + 1);
  }

  Status verb(std::string_view s, size_t n) {
    VerbEntry e;
    e.origin = where(file_, n);
    std::string code;
    if (take_code(s, code)) e.code = code;
    std::vector<std::string> forms;
    size_t open = s.find('{');
    if (open != std::string_view::npos) {
      size_t close = s.find('}', open);
      if (close == std::string_view::npos) return error(file_, n, "unclosed { in verb forms");
      std::istringstream in(std::string(s.substr(open + 1, close - open - 1)));
      for (std::string f; in >> f;) forms.push_back(f);
      s = trim(s.substr(0, open));
    }
    if (!parse_verb_phrase(s, e)) return error(file_, n, "empty verb");
    for (const std::string& f : forms) {
      VerbEntry fe;
      if (parse_verb_phrase(f, fe) && fe.head != e.head) out_.verb_forms.emplace_back(fe.head, e.head);
    }
    verbs_.push_back(std::move(e));
    return Status::Ok();
  }

  Status pattern(std::string_view s, size_t n) {
    VerbPattern p;
    p.origin = where(file_, n);
    std::string code;
    if (!take_code(s, code) || code.empty()) return error(file_, n, "pattern without a [code]");
    split_code(code, p.code, p.reverse_code);
    bool after = false, in_brace = false, brace_first = false;
    size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')') {
        ++i;
        continue;
      }
      if (c == '{') {
        if (in_brace) return error(file_, n, "nested {");
        in_brace = brace_first = true;
        ++i;
        continue;
      }
      if (c == '}') {
        if (!in_brace) return error(file_, n, "} without {");
        in_brace = false;
        ++i;
        continue;
      }
      size_t j = i + 1;  // `*` stands alone even when written against a word ("*SCEPTICAL")
      if (c != '*')
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != '(' && s[j] != ')' &&
               s[j] != '{' && s[j] != '}' && s[j] != '*')
          ++j;
      std::string_view tok = s.substr(i, j - i);
      i = j;
      auto& side = after ? p.after : p.before;
      PatternToken t;
      if (tok == "*") {
        if (after) return error(file_, n, "two * in a pattern");
        after = true;
        continue;
      } else if (tok == "%") {
        p.compound_source = true;
        continue;
      } else if (tok == "$") {
        t.kind = PatternToken::kSource;
      } else if (tok == "+") {
        t.kind = PatternToken::kTarget;
      } else if (tok == "^") {
        t.kind = PatternToken::kSkip;
      } else if (tok[0] == '&') {
        std::string name = lower(tok);
        if (!name.empty() && name.back() == '_') name.pop_back();
        auto it = synsets_.find(name);
        if (it == synsets_.end()) return warn(n, "undefined synset " + std::string(tok) + "; pattern skipped");
        t.alternatives = it->second;
      } else {
        std::vector<std::string> words = phrase_words(tok);
        if (words.empty()) continue;
        t.alternatives.push_back(std::move(words));
      }
      t.tight = in_brace && !brace_first;
      brace_first = false;
      side.push_back(std::move(t));
    }
    if (in_brace) return error(file_, n, "unclosed {");
    if (!after) return error(file_, n, "pattern without *");
    patterns_.push_back(std::move(p));
    return Status::Ok();
  }

  const std::string& file_;
  PetrarchDictionaries& out_;
  std::map<std::string, std::vector<std::vector<std::string>>> synsets_;
  std::string synset_;
  bool in_block_ = false;
  std::string block_code_ = "---";
  std::vector<VerbEntry> verbs_;
  std::vector<VerbPattern> patterns_;
};

// ---- actors ---------------------------------------------------------------------

// YYMMDD or YYYYMMDD.
bool parse_petrarch_date(std::string_view s, Date& d) {
  s = trim(s);
  if (s.size() != 6 && s.size() != 8) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  int v = std::stoi(std::string(s));
  int year = s.size() == 8 ? v / 10000 : v / 10000 + (v / 10000 < 30 ? 2000 : 1900);
  d.year = static_cast<int16_t>(year);
  d.month = static_cast<uint8_t>(v / 100 % 100);
  d.day = static_cast<uint8_t>(v % 100);
  return true;
}

int date_key(Date d) { return d.year * 10000 + d.month * 100 + d.day; }

// "CODE", "CODE <date", "CODE >date", "CODE date-date".
bool parse_restriction(std::string_view s, PhraseCode::Restriction& r) {
  s = trim(s);
  size_t sp = s.find_first_of(" \t<>");
  r.code = std::string(s.substr(0, sp));
  if (sp == std::string_view::npos) return !r.code.empty();
  std::string_view rest = trim(s.substr(sp));
  if (rest.empty()) return true;
  if (rest[0] == '<') return parse_petrarch_date(rest.substr(1), r.to);
  if (rest[0] == '>') return parse_petrarch_date(rest.substr(1), r.from);
  size_t dash = rest.find('-');
  if (dash == std::string_view::npos) return false;
  return parse_petrarch_date(rest.substr(0, dash), r.from) && parse_petrarch_date(rest.substr(dash + 1), r.to);
}

}  // namespace

const std::string& PhraseCode::code_on(Date date) const {
  if (date.known()) {
    int k = date_key(date);
    for (const Restriction& r : restrictions) {
      if (r.from.known() && k < date_key(r.from)) continue;
      if (r.to.known() && k > date_key(r.to)) continue;
      return r.code;
    }
  } else if (code.empty() && !restrictions.empty()) {
    return restrictions.back().code;
  }
  return code;
}

Status parse_petrarch_verbs(std::string_view text, const std::string& file, PetrarchDictionaries& out) {
  VerbParser p(file, out);
  SITREP_RETURN_IF_ERROR(for_lines(text, [&](std::string_view l, size_t n) { return p.line(l, n); }));
  p.flush();
  return Status::Ok();
}

Status parse_petrarch_actors(std::string_view text, const std::string& file, PetrarchDictionaries& out) {
  size_t group_begin = out.actors.size();
  return for_lines(text, [&](std::string_view raw, size_t n) -> Status {
    std::string_view s = strip_comment(strip_comment(raw), ';');
    bool indented = !s.empty() && std::isspace(static_cast<unsigned char>(s[0]));
    s = trim(s);
    if (s.empty() || s[0] == '<') return Status::Ok();
    if (indented && s[0] == '[') {  // a date restriction of the current record
      if (group_begin == out.actors.size()) return error(file, n, "date restriction before any actor");
      if (s.back() != ']') return error(file, n, "unclosed [ in date restriction");
      PhraseCode::Restriction r;
      if (!parse_restriction(s.substr(1, s.size() - 2), r)) {  // real dictionaries have a few: skip, say where
        out.warnings.push_back(where(file, n) + ": bad date restriction; skipped");
        return Status::Ok();
      }
      for (size_t i = group_begin; i < out.actors.size(); ++i) {
        if (!r.from.known() && !r.to.known())
          out.actors[i].code = r.code;  // "[CODE]" alone: the default
        else
          out.actors[i].restrictions.push_back(r);
      }
      return Status::Ok();
    }
    bool synonym = s[0] == '+';
    if (synonym) {
      if (group_begin == out.actors.size()) return error(file, n, "synonym (+) before any actor");
      s.remove_prefix(1);
    }
    PhraseCode a;
    a.origin = where(file, n);
    std::string code;
    if (s.find('[') != std::string_view::npos && !take_code(s, code)) return error(file, n, "unclosed [");
    a.words = phrase_words(s);
    if (a.words.empty()) return error(file, n, "empty actor phrase");
    if (synonym) {
      const PhraseCode& primary = out.actors[group_begin];
      a.code = code.empty() ? primary.code : code;
      a.restrictions = primary.restrictions;
    } else {
      group_begin = out.actors.size();
      a.code = code;
    }
    out.actors.push_back(std::move(a));
    return Status::Ok();
  });
}

Status parse_petrarch_agents(std::string_view text, const std::string& file, PetrarchDictionaries& out) {
  std::map<std::string, std::vector<std::string>> subst;
  return for_lines(text, [&](std::string_view raw, size_t n) -> Status {
    std::string_view s = trim(strip_comment(raw));
    if (s.empty() || s[0] == '<') return Status::Ok();
    if (s[0] == '!' && s.find('=') != std::string_view::npos) {  // !NAME! = A, B
      size_t eq = s.find('=');
      std::string name = lower(trim(s.substr(0, eq)));
      std::vector<std::string>& items = subst[name];
      std::string item;
      for (char c : s.substr(eq + 1)) {
        if (c == ',') {
          if (!item.empty()) items.push_back(lower(item)), item.clear();
        } else if (!std::isspace(static_cast<unsigned char>(c))) {
          item += c;
        }
      }
      if (!item.empty()) items.push_back(lower(item));
      return Status::Ok();
    }
    std::string code;
    std::string fixed;
    if (s.find('[') != std::string_view::npos && s.back() == '}' && s.rfind('{') < s.rfind('[')) {
      fixed = std::string(s);  // "[~ENV}": a typo in real dictionaries
      fixed.back() = ']';
      s = fixed;
    }
    if (!take_code(s, code) || code.empty()) {
      out.warnings.push_back(where(file, n) + ": agent without a [code]; skipped");
      return Status::Ok();
    }
    std::erase_if(code, [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (code.find('~') == std::string::npos) return error(file, n, "agent code without ~: " + code);
    std::vector<std::string> phrases;
    bool plural = true;
    size_t open = s.find('{');
    if (open != std::string_view::npos) {
      size_t close = s.find('}', open);
      if (close == std::string_view::npos) return error(file, n, "unclosed {");
      std::istringstream in(std::string(s.substr(open + 1, close - open - 1)));
      for (std::string f; in >> f;) phrases.push_back(lower(f));
      plural = false;
      s = trim(s.substr(0, open));
    }
    std::string base = lower(s);
    phrases.insert(phrases.begin(), base);
    if (plural && base.find('!') == std::string::npos) {
      std::string pl = base;
      if (pl.size() > 1 && pl.back() == 'y' && !std::strchr("aeiou", pl[pl.size() - 2]))
        pl = pl.substr(0, pl.size() - 1) + "ies";
      else if (pl.size() > 2 && pl.substr(pl.size() - 2) == "ss")
        pl += "es";
      else
        pl += "s";
      phrases.push_back(pl);
    }
    // Substitution markers: every item replaces the marker.
    std::vector<std::string> expanded;
    for (const std::string& p : phrases) {
      size_t a = p.find('!');
      size_t b = a == std::string::npos ? a : p.find('!', a + 1);
      if (b == std::string::npos) {
        expanded.push_back(p);
        continue;
      }
      auto it = subst.find(p.substr(a, b - a + 1));
      if (it == subst.end()) return error(file, n, "undefined substitution " + p.substr(a, b - a + 1));
      if (p.find('!', b + 1) != std::string::npos) continue;  // a plural formed on the marker
      for (const std::string& item : it->second) expanded.push_back(p.substr(0, a) + item + p.substr(b + 1));
    }
    for (const std::string& p : expanded) {
      PhraseCode a;
      a.words = phrase_words(p);
      a.code = code;
      a.origin = where(file, n);
      if (!a.words.empty()) out.agents.push_back(std::move(a));
    }
    return Status::Ok();
  });
}

Status parse_petrarch_discards(std::string_view text, const std::string& file, PetrarchDictionaries& out) {
  (void)file;
  return for_lines(text, [&](std::string_view raw, size_t) -> Status {
    std::string_view s = trim(strip_comment(raw));
    if (s.empty() || s[0] == '<') return Status::Ok();
    if (s[0] == '+') s.remove_prefix(1);
    std::vector<std::string> words = phrase_words(s);
    if (!words.empty()) out.discards.push_back(std::move(words));
    return Status::Ok();
  });
}

Status parse_petrarch_ontology(std::string_view text, const std::string& file, PetrarchDictionaries& out) {
  // CODE:VALUE[#VALUE...][#Name], VALUE a sum of hex terms ("-0xFFFF+0x0070").
  std::vector<std::pair<std::string, std::vector<long>>> codes;
  std::map<long, std::string> by_value;
  SITREP_RETURN_IF_ERROR(for_lines(text, [&](std::string_view raw, size_t n) -> Status {
    std::string_view s = trim(raw);
    if (s.empty() || s[0] == '#') return Status::Ok();
    size_t colon = s.rfind(':', s.find('#'));
    if (colon == std::string_view::npos) return error(file, n, "expected CODE:VALUE");
    std::string code(trim(s.substr(0, colon)));
    if (code.find(':') != std::string::npos) code = code.substr(code.rfind(':') + 1);
    std::vector<long> values;
    std::string_view rest = s.substr(colon + 1);
    while (!rest.empty()) {
      size_t h = rest.find('#');
      std::string_view expr = trim(rest.substr(0, h));
      rest = h == std::string_view::npos ? std::string_view() : rest.substr(h + 1);
      long v = 0;
      bool ok = !expr.empty();
      size_t i = 0;
      while (ok && i < expr.size()) {
        int sign = 1;
        if (expr[i] == '+' || expr[i] == '-') sign = expr[i] == '-' ? -1 : 1, ++i;
        if (expr.substr(i, 2) != "0x") { ok = false; break; }
        size_t used = 0;
        long term = std::stol(std::string(expr.substr(i + 2)), &used, 16);
        v += sign * term;
        i += 2 + used;
      }
      if (ok) values.push_back(v);
    }
    if (values.empty()) return Status::Ok();
    for (long v : values) by_value.emplace(v, code);
    codes.emplace_back(code, std::move(values));
    return Status::Ok();
  }));
  for (const auto& [code, values] : codes) {
    for (long v : values) {
      auto it = by_value.find(v + 0xFFFF);
      if (it == by_value.end()) it = by_value.find(v - 0xFFFF);
      if (it != by_value.end()) {
        out.negation.emplace(code, it->second);
        break;
      }
    }
  }
  return Status::Ok();
}

Result<PetrarchDictionaries> load_petrarch_dictionaries(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::Error(dir + ": not a directory");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  PetrarchDictionaries out;
  bool verbs = false, actors = false;
  for (const fs::path& f : files) {
    std::string name = lower(f.filename().string());
    Status (*parse)(std::string_view, const std::string&, PetrarchDictionaries&) = nullptr;
    if (name.find("verbs") != std::string::npos || name.rfind("cameo", 0) == 0)
      parse = parse_petrarch_verbs, verbs = true;
    else if (name.find("actors") != std::string::npos)
      parse = parse_petrarch_actors, actors = true;
    else if (name.find("agents") != std::string::npos)
      parse = parse_petrarch_agents;
    else if (name.find("discards") != std::string::npos)
      parse = parse_petrarch_discards;
    else if (name.find("ontology") != std::string::npos)
      parse = parse_petrarch_ontology;
    if (!parse) continue;
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status::Error(f.string() + ": cannot read");
    std::stringstream buf;
    buf << in.rdbuf();
    SITREP_RETURN_IF_ERROR(parse(buf.str(), f.string(), out));
  }
  if (!verbs) return Status::Error(dir + ": no verbs dictionary (*verbs*.txt)");
  if (!actors) return Status::Error(dir + ": no actors dictionary (*actors*.txt)");
  return out;
}

}  // namespace sitrep::events
