#include "events/verb_dictionary.h"
#include "core/locate.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace sitrep::events {

namespace {

bool is_lemma(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'' || c == '.' || c == '$' ||
              static_cast<unsigned char>(c) >= 0x80;  // lower-case letters beyond ASCII
    if (!ok) return false;
  }
  return true;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "|") + s;
  return out;
}

// "a|b|c" -> lemmas; false when one is empty or not a lower-case lemma.
bool split_lemmas(std::string_view s, std::vector<std::string>* out) {
  out->clear();
  size_t start = 0;
  for (;;) {
    size_t bar = s.find('|', start);
    std::string_view one = s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    if (!is_lemma(one)) return false;
    out->emplace_back(one);
    if (bar == std::string_view::npos) return true;
    start = bar + 1;
  }
}

// The root a file is restricted to: "01" for "01-public-statement.txt", else "".
std::string file_root(const std::string& file) {
  std::string name = std::filesystem::path(file).filename().string();
  if (name.size() >= 3 && isdigit(static_cast<unsigned char>(name[0])) &&
      isdigit(static_cast<unsigned char>(name[1])) && name[2] == '-')
    return name.substr(0, 2);
  return "";
}

// One element of a pattern into `p`; an error message (without the place) when bad.
std::string parse_element(std::string_view e, VerbPattern* p, bool* prep_any) {
  auto lemmas = [&](std::string_view list, std::vector<std::string>* out, const char* what) -> std::string {
    if (!out->empty()) return std::string("'") + std::string(e) + "': " + what + " given twice";
    if (!split_lemmas(list, out)) return "'" + std::string(e) + "': expected lower-case lemmas separated by |";
    return "";
  };
  if (e == "symmetric") {
    if (p->symmetric) return "'symmetric' given twice";
    p->symmetric = true;
    return "";
  }
  if (e.starts_with("prt:")) {
    if (!p->particle.empty()) return "'" + std::string(e) + "': particle given twice";
    if (!is_lemma(e.substr(4))) return "'" + std::string(e) + "': expected a lower-case particle";
    p->particle = e.substr(4);
    return "";
  }
  if (e.starts_with("obj:")) return lemmas(e.substr(4), &p->object, "object");
  if (e.starts_with("xcomp:")) return lemmas(e.substr(6), &p->xcomp, "xcomp");
  if (e.starts_with("mod:")) return lemmas(e.substr(4), &p->modifiers, "modifier");
  if (e.starts_with("xobj:")) return lemmas(e.substr(5), &p->xcomp_object, "complement object");
  if (e.starts_with("prep:") || e.starts_with("xprep:")) {
    const bool on_xcomp = e[0] == 'x';
    std::string& prep_field = on_xcomp ? p->xcomp_prep : p->prep;
    if (!prep_field.empty()) return "'" + std::string(e) + "': prepositional phrase given twice";
    std::string_view rest = e.substr(on_xcomp ? 6 : 5);
    size_t colon = rest.find(':');
    std::string_view prep = rest.substr(0, colon);
    if (!is_lemma(prep))
      return "'" + std::string(e) + "': expected " + (on_xcomp ? "x" : "") + "prep:P or prep:P:L1|L2";
    prep_field = prep;
    if (colon == std::string_view::npos) {
      if (on_xcomp) return "'" + std::string(e) + "': expected xprep:P:L1|L2";
      *prep_any = true;  // any object; it becomes the target (below)
      return "";
    }
    return lemmas(rest.substr(colon + 1), on_xcomp ? &p->xcomp_prep_object : &p->prep_object, "prepositional object");
  }
  if (e.starts_with("source:")) {
    if (!p->source_prep.empty()) return "'" + std::string(e) + "': source given twice";
    std::string_view t = e.substr(7);
    if (!t.starts_with("prep:") || !is_lemma(t.substr(5))) return "'" + std::string(e) + "': expected source:prep:P";
    p->source_prep = t.substr(5);
    return "";
  }
  if (e.starts_with("target:")) {
    if (p->target != TargetFrom::kDefault) return "'" + std::string(e) + "': target given twice";
    std::string_view t = e.substr(7);
    if (t == "obj") p->target = TargetFrom::kObject;
    else if (t == "iobj") p->target = TargetFrom::kIndirectObject;
    else if (t == "none") p->target = TargetFrom::kNone;
    else if (t == "subj") p->target = TargetFrom::kSubject;
    else if (t.starts_with("prep:") && is_lemma(t.substr(5))) {
      p->target = TargetFrom::kPreposition;
      p->target_prep = t.substr(5);
    } else {
      return "'" + std::string(e) + "': expected target:obj, target:iobj, target:subj, target:none or target:prep:P";
    }
    return "";
  }
  return "unknown element '" + std::string(e) + "'";
}

}  // namespace

std::string pattern_text(const VerbPattern& p) {
  std::string out = (p.noun ? "n:" : p.adjective ? "a:" : "") + p.head;
  if (!p.particle.empty()) out += " prt:" + p.particle;
  if (!p.object.empty()) out += " obj:" + join(p.object);
  if (!p.prep.empty()) out += " prep:" + p.prep + (p.prep_object.empty() ? "" : ":" + join(p.prep_object));
  if (!p.xcomp.empty()) out += " xcomp:" + join(p.xcomp);
  if (!p.xcomp_object.empty()) out += " xobj:" + join(p.xcomp_object);
  if (!p.xcomp_prep.empty()) out += " xprep:" + p.xcomp_prep + ":" + join(p.xcomp_prep_object);
  if (!p.modifiers.empty()) out += " mod:" + join(p.modifiers);
  switch (p.target) {
    case TargetFrom::kDefault: break;
    case TargetFrom::kObject: out += " target:obj"; break;
    case TargetFrom::kIndirectObject: out += " target:iobj"; break;
    case TargetFrom::kPreposition:  // implied by a phrase with any object ("vote prep:against")
      if (!(p.prep == p.target_prep && p.prep_object.empty())) out += " target:prep:" + p.target_prep;
      break;
    case TargetFrom::kNone: out += " target:none"; break;
    case TargetFrom::kSubject: out += " target:subj"; break;
  }
  if (!p.source_prep.empty()) out += " source:prep:" + p.source_prep;
  if (p.symmetric) out += " symmetric";
  return out;
}

Status parse_verb_patterns(std::string_view text, const std::string& file, const Ontology& ontology,
                           std::vector<VerbPattern>* out) {
  const std::string root = file_root(file);
  int lineno = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++lineno;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    std::istringstream fields{std::string(line)};
    std::vector<std::string> parts;
    for (std::string f; fields >> f;) parts.push_back(f);
    if (parts.empty()) continue;
    const std::string where = file + ":" + std::to_string(lineno) + ": ";
    const std::string& code = parts[0];
    const CameoCode* cameo = ontology.find(code);
    if (!cameo) return Status::Error(where + "unknown CAMEO code '" + code + "'");
    if (!root.empty() && cameo->root != root)
      return Status::Error(where + "code " + code + " is not of root " + root + ", the root this file holds");
    if (parts.size() < 2) return Status::Error(where + "code " + code + " without a pattern");
    VerbPattern p;
    p.code = code;
    std::string_view head = parts[1];
    if (head.starts_with("n:")) {
      p.noun = true;
      head.remove_prefix(2);
    } else if (head.starts_with("a:")) {
      p.adjective = true;
      head.remove_prefix(2);
    }
    if (!is_lemma(head))
      return Status::Error(where + "bad head '" + parts[1] + "': expected a lower-case lemma, n:lemma or a:lemma");
    p.head = head;
    bool prep_any = false;
    for (size_t i = 2; i < parts.size(); ++i) {
      std::string err = parse_element(parts[i], &p, &prep_any);
      if (!err.empty()) return Status::Error(where + err);
    }
    if ((!p.xcomp_object.empty() || !p.xcomp_prep.empty()) && p.xcomp.empty())
      return Status::Error(where + "xobj: or xprep: without xcomp:");
    // "vote prep:against": the phrase's object is the target unless told otherwise.
    if (prep_any && p.target == TargetFrom::kDefault) {
      p.target = TargetFrom::kPreposition;
      p.target_prep = p.prep;
    }
    p.origin = file + ":" + std::to_string(lineno);
    out->push_back(std::move(p));
  }
  return Status::Ok();
}

Result<std::vector<VerbPattern>> load_verb_dictionary(const std::string& dir, const Ontology& ontology) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
    if (ec) return Status::Error(dir + ": cannot read the verb dictionary: " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) return Status::Error(dir + ": no *.txt verb dictionary files");
  } else if (fs::is_regular_file(dir, ec)) {
    files.push_back(dir);
  } else {
    return Status::Error(dir + ": no such verb dictionary");
  }
  std::vector<VerbPattern> patterns;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status::Error(f + ": cannot open");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SITREP_RETURN_IF_ERROR(parse_verb_patterns(text, f, ontology, &patterns));
  }
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < patterns.size(); ++i) {
    auto [it, fresh] = seen.emplace(pattern_text(patterns[i]), i);
    if (fresh) continue;
    const VerbPattern& first = patterns[it->second];
    const VerbPattern& p = patterns[i];
    return Status::Error(p.origin + ": '" + it->first + "' already written at " + first.origin +
                         (first.code == p.code ? "" : " with code " + first.code));
  }
  return patterns;
}

Result<std::vector<VerbPattern>> load_default_verb_dictionary(const Ontology& ontology) {
  SITREP_ASSIGN_OR_RETURN(std::string dir, locate(Shipped::kData, "verbs"));
  return load_verb_dictionary(dir, ontology);
}

}  // namespace sitrep::events
