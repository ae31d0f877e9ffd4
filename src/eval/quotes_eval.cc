#include "eval/quotes_eval.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "text/text_util.h"

namespace sitrep::eval {
namespace {

// Byte offset of every code point of `text`, and one past the end.
std::vector<uint32_t> code_point_offsets(std::string_view text) {
  std::vector<uint32_t> at;
  at.reserve(text.size() + 1);
  for (uint32_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) at.push_back(i);
  at.push_back(static_cast<uint32_t>(text.size()));
  return at;
}

bool to_uint(std::string_view s, uint32_t& v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

uint32_t intersection(Span a, Span b) {
  uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

// How well prediction p matches a gold content: the best piece's overlap ratio.
double overlap(Span p, const std::vector<Span>& pieces, OverlapBase base) {
  double best = 0;
  for (Span g : pieces) {
    uint32_t longer = base == OverlapBase::kGold ? g.size() : std::max(p.size(), g.size());
    if (longer) best = std::max(best, static_cast<double>(intersection(p, g)) / longer);
  }
  return best;
}

// The chain of a mention lying inside one of `spans`, -1 when none.
bool source_has_chain(const Document& doc, const std::vector<Span>& spans, int32_t chain) {
  for (const Mention& m : doc.mentions)
    for (Span s : spans)
      if (m.chain == chain && m.span.begin >= s.begin && m.span.end <= s.end) return true;
  return false;
}

}  // namespace

Result<std::vector<GoldAttribution>> read_brat_attributions(std::string_view ann, std::string_view text,
                                                            std::string_view name) {
  std::vector<uint32_t> at = code_point_offsets(text);
  const uint32_t n_chars = static_cast<uint32_t>(at.size() - 1);
  std::map<std::string, std::pair<std::string, std::vector<Span>>, std::less<>> spans;  // T id -> label, ranges
  std::vector<std::pair<size_t, std::vector<std::string_view>>> events;                 // line, "Role:Tn" fields
  std::vector<std::string_view> lines = text::split(ann, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto fields = text::split(line, '\t');
    auto bad = [&](std::string_view why) {
      return Status::Error(fmt::format("{}:{}: {}: '{}'", name, i + 1, why, line.substr(0, 80)));
    };
    if (line[0] == 'T') {
      if (fields.size() < 2) return bad("expected 'Tn<TAB>Label start end'");
      std::string_view body = fields[1];
      size_t sp = body.find(' ');
      if (sp == std::string_view::npos) return bad("expected 'Label start end'");
      std::vector<Span> ranges;
      for (std::string_view r : text::split(body.substr(sp + 1), ';')) {
        auto be = text::split(r, ' ');
        uint32_t b = 0, e = 0;
        if (be.size() != 2 || !to_uint(be[0], b) || !to_uint(be[1], e) || b > e) return bad("bad range");
        if (e > n_chars) return bad(fmt::format("range past the end of the text ({} characters)", n_chars));
        ranges.push_back({at[b], at[e]});
      }
      spans[std::string(fields[0])] = {std::string(body.substr(0, sp)), std::move(ranges)};
    } else if (line[0] == 'E') {
      if (fields.size() < 2) return bad("expected 'En<TAB>Attribution:Tn Role:Tn...'");
      events.push_back({i + 1, text::split(fields[1], ' ')});
    }  // other lines (notes, relations) carry nothing we score
  }
  std::vector<GoldAttribution> out;
  for (auto& [line, roles] : events) {
    if (roles.empty() || !roles[0].starts_with("Attribution")) continue;
    GoldAttribution g;
    for (size_t k = 1; k < roles.size(); ++k) {
      size_t colon = roles[k].find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view role = roles[k].substr(0, colon), id = roles[k].substr(colon + 1);
      auto it = spans.find(id);
      if (it == spans.end()) return Status::Error(fmt::format("{}:{}: unknown span {}", name, line, id));
      auto& target = role == "Content" ? g.content : role == "Source" ? g.source : g.cue;
      if (role == "Content" || role == "Source" || role == "Cue")
        target.insert(target.end(), it->second.second.begin(), it->second.second.end());
    }
    if (!g.content.empty()) out.push_back(std::move(g));
  }
  return out;
}

void score_quotes(const Document& doc, const std::vector<GoldAttribution>& gold, QuoteScores& s,
                  std::vector<QuoteMismatch>* mismatches, OverlapBase base) {
  ++s.documents;
  // Predictions inside another prediction are not scored.
  std::vector<const Quote*> preds;
  for (const Quote& q : doc.quotes) {
    bool inner = false;
    for (const Quote& o : doc.quotes)
      if (&o != &q && o.span.begin <= q.span.begin && o.span.end >= q.span.end && o.span != q.span) inner = true;
    if (!inner) preds.push_back(&q);
  }
  s.predicted += preds.size();
  s.gold += gold.size();
  std::vector<bool> pred_matched(preds.size(), false);
  for (const GoldAttribution& g : gold) {
    int best = -1;
    double best_overlap = 0.5 - 1e-9;
    for (size_t i = 0; i < preds.size(); ++i) {
      double o = overlap(preds[i]->span, g.content, base);
      if (o >= 0.5) pred_matched[i] = true;
      if (o > best_overlap) best = static_cast<int>(i), best_overlap = o;
    }
    if (best < 0) {
      if (mismatches) mismatches->push_back({QuoteMismatch::kMissed, g.content[0], g.source.empty() ? Span{} : g.source[0], {},
                                                g.cue.empty() ? Span{} : g.cue[0]});
      continue;
    }
    ++s.gold_matched;
    const Quote& q = *preds[best];
    bool right;
    if (g.source.empty()) {
      right = q.speaker.empty();
    } else {
      right = false;
      for (Span src : g.source) right = right || intersection(src, q.speaker) > 0;
      if (!right && q.speaker_chain >= 0) right = source_has_chain(doc, g.source, q.speaker_chain);
    }
    if (right) ++s.source_right;
    else if (mismatches)
      mismatches->push_back({QuoteMismatch::kWrongSource, q.span, g.source.empty() ? Span{} : g.source[0], q.speaker,
                                g.cue.empty() ? Span{} : g.cue[0]});
  }
  for (size_t i = 0; i < preds.size(); ++i) {
    if (pred_matched[i]) ++s.predicted_matched;
    else if (mismatches) mismatches->push_back({QuoteMismatch::kExtra, preds[i]->span, {}, preds[i]->speaker});
  }
}

std::string quote_scores_json(const QuoteScores& s) {
  auto r2 = [](double x) { return std::round(x * 100) / 100; };
  nlohmann::json j = {{"content_f1", r2(s.f1())},         {"source_accuracy", r2(s.source_accuracy())},
                      {"precision", r2(s.precision())},    {"recall", r2(s.recall())},
                      {"documents", s.documents},          {"gold", s.gold},
                      {"predicted", s.predicted},          {"gold_matched", s.gold_matched},
                      {"predicted_matched", s.predicted_matched}, {"source_right", s.source_right}};
  return j.dump();
}

std::string quote_scores_table(const QuoteScores& s, OverlapBase base) {
  return fmt::format(
      "documents {}  gold contents {}  predicted {}\n"
      "content   precision {:.2f}  recall {:.2f}  F1 {:.2f}   (overlap >= 50% of {})\n"
      "source    accuracy {:.2f}  ({} of {} matched contents)\n",
      s.documents, s.gold, s.predicted, s.precision(), s.recall(), s.f1(),
      base == OverlapBase::kGold ? "the gold piece" : "the longer span", s.source_accuracy(), s.source_right,
      s.gold_matched);
}

}  // namespace sitrep::eval
