#include "eval/time_eval.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/dates.h"
#include "io/file.h"

namespace sitrep::eval {
namespace {

// The value of attribute `name` inside the tag text `tag` ("" when absent).
std::string attribute(std::string_view tag, std::string_view name) {
  for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    bool start = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n');
    size_t eq = at + name.size();
    if (!start || eq + 1 >= tag.size() || tag[eq] != '=' || (tag[eq + 1] != '"' && tag[eq + 1] != '\'')) continue;
    size_t close = tag.find(tag[eq + 1], eq + 2);
    if (close == std::string_view::npos) return "";
    return std::string(tag.substr(eq + 2, close - eq - 2));
  }
  return "";
}

// Appends `s` to `out` with the five XML entities decoded.
void append_text(std::string_view s, std::string& out) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (size_t i = 0; i < s.size(); ++i) {
    bool decoded = false;
    if (s[i] == '&')
      for (auto [e, c] : kEntities)
        if (s.substr(i, e.size()) == e) out += c, i += e.size() - 1, decoded = true;
    if (!decoded) out += s[i];
  }
}

}  // namespace

Result<TimeMLDoc> read_timeml(const std::string& path) {
  std::string xml;
  if (Status st = io::read_file_bytes(path, &xml); !st.ok()) return st;
  TimeMLDoc doc;
  size_t slash = path.find_last_of('/');
  doc.id = path.substr(slash == std::string::npos ? 0 : slash + 1);
  size_t dct = xml.find("<DCT>");
  if (dct != std::string::npos) {
    size_t end = xml.find('>', xml.find("<TIMEX3", dct));
    if (auto d = io::parse_date(attribute(std::string_view(xml).substr(dct, end - dct), "value"))) doc.dct = *d;
  }
  if (!doc.dct.known()) return Status::Error(fmt::format("{}: no creation date (DCT)", path));
  size_t begin = xml.find("<TEXT>"), stop = xml.find("</TEXT>");
  if (begin == std::string::npos || stop == std::string::npos) return Status::Error(fmt::format("{}: no <TEXT>", path));
  std::string_view body = std::string_view(xml).substr(begin + 6, stop - begin - 6);
  GoldTimex open;
  bool in_timex = false;
  for (size_t i = 0; i < body.size();) {
    size_t lt = body.find('<', i);
    append_text(body.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i), doc.text);
    if (lt == std::string_view::npos) break;
    size_t gt = body.find('>', lt);
    if (gt == std::string_view::npos) return Status::Error(fmt::format("{}: unclosed tag", path));
    std::string_view tag = body.substr(lt, gt - lt + 1);
    if (tag.starts_with("<TIMEX3")) {
      open = GoldTimex{{static_cast<uint32_t>(doc.text.size()), 0}, attribute(tag, "type"), attribute(tag, "value")};
      in_timex = true;
    } else if (tag.starts_with("</TIMEX3") && in_timex) {
      open.span.end = static_cast<uint32_t>(doc.text.size());
      doc.timexes.push_back(open);
      in_timex = false;
    }
    i = gt + 1;
  }
  return doc;
}

Result<TimeMLDoc> read_gum_xml(const std::string& path) {
  std::string xml;
  if (Status st = io::read_file_bytes(path, &xml); !st.ok()) return st;
  TimeMLDoc doc;
  size_t slash = path.find_last_of('/');
  doc.id = path.substr(slash == std::string::npos ? 0 : slash + 1);
  size_t text_tag = xml.find("<text ");
  if (text_tag == std::string::npos) return Status::Error(fmt::format("{}: no <text>", path));
  std::string_view head = std::string_view(xml).substr(text_tag, xml.find('>', text_tag) - text_tag);
  if (auto d = io::parse_date(attribute(head, "dateCreated"))) doc.dct = *d;
  if (!doc.dct.known()) return Status::Error(fmt::format("{}: no dateCreated", path));
  // One token per line (its first column); tags on lines of their own; a sentence per <s>.
  std::vector<GoldTimex> open;
  std::string_view rest = std::string_view(xml).substr(xml.find('>', text_tag) + 1);
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (line.empty()) continue;
    if (line[0] == '<') {
      if (line.starts_with("<date ")) {
        std::string value = attribute(line, "when");
        open.push_back({{static_cast<uint32_t>(doc.text.size()), 0}, "DATE", value});
      } else if (line.starts_with("</date") && !open.empty()) {
        open.back().span.end = static_cast<uint32_t>(doc.text.size());
        while (open.back().span.end > open.back().span.begin && doc.text[open.back().span.end - 1] == ' ')
          --open.back().span.end;
        doc.timexes.push_back(open.back());
        open.pop_back();
      } else if (line.starts_with("</s>")) {
        if (!doc.text.empty() && doc.text.back() == ' ') doc.text.back() = '\n';
      } else if (line.starts_with("</head") || line.starts_with("</p>")) {
        if (!doc.text.empty()) doc.text.back() = '\n', doc.text += '\n';
      }
      continue;
    }
    size_t tab = line.find('\t');
    append_text(line.substr(0, tab), doc.text);
    doc.text += ' ';
  }
  return doc;
}

void score_times(const TimeMLDoc& gold, const Document& doc, const std::vector<std::string>& types, TimeScores& s) {
  auto overlaps = [](Span a, Span b) { return a.begin < b.end && b.begin < a.end; };
  std::vector<const GoldTimex*> counted;
  for (const GoldTimex& g : gold.timexes)
    if (std::find(types.begin(), types.end(), g.type) != types.end()) counted.push_back(&g);
  ++s.documents;
  s.gold += counted.size();
  s.predicted += doc.times.size();
  for (const TimeExpr& t : doc.times)
    s.predicted_right += std::any_of(counted.begin(), counted.end(), [&](const GoldTimex* g) { return overlaps(g->span, t.span); });
  for (const GoldTimex* g : counted) {
    const TimeExpr* found = nullptr;
    for (const TimeExpr& t : doc.times)
      if (overlaps(g->span, t.span)) { found = &t; break; }
    if (!found) continue;
    ++s.gold_found;
    if (g->value.empty()) continue;  // a range without one value (GUM's from/to)
    ++s.valued_found;
    s.value_right += found->value == g->value;
  }
}

std::string TimeScores::json() const {
  nlohmann::json j = {{"documents", documents}, {"gold", gold}, {"predicted", predicted},
                      {"precision", precision()}, {"recall", recall()}, {"f1", f1()},
                      {"value_accuracy", value_accuracy()}, {"valued_found", valued_found}, {"value_recall", value_recall()}};
  return j.dump();
}

std::string TimeScores::table() const {
  return fmt::format(
      "documents {}  gold {}  predicted {}\n"
      "spans (relaxed: any overlap): precision {:.2f}  recall {:.2f}  F1 {:.2f}\n"
      "values: {:.2f}% of the found expressions with a gold value ({} of {}), {:.2f}% of all gold\n",
      documents, gold, predicted, precision(), recall(), f1(), value_accuracy(), value_right, valued_found,
      value_recall());
}

}  // namespace sitrep::eval
