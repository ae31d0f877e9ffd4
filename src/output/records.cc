#include "output/records.h"

#include <string>

#include "entities/coref.h"

namespace sitrep::output {

void write_mentions_jsonl(const Document& doc, std::ostream& out) {
  using json = nlohmann::ordered_json;
  for (const Mention& m : doc.mentions) {
    const Chain* c = m.chain >= 0 ? &doc.chains[static_cast<size_t>(m.chain)] : nullptr;
    json j = {{"doc", doc.id},
              {"sent", m.sentence + 1},
              {"start", m.span.begin},
              {"end", m.span.end},
              {"text", std::string(doc.str(m.span))},
              {"type", entity_type_name(m.type)},
              {"kind", mention_kind_name(m.kind)},
              {"canonical", c ? json(c->canonical) : json(nullptr)},
              {"chain", c ? json(m.chain) : json(nullptr)},
              {"actor", c && !c->actor.empty() ? json(c->actor) : json(nullptr)},
              {"evidence", c && !c->evidence.empty() ? json(c->evidence) : json(nullptr)},
              {"link", m.antecedent >= 0 ? json(entities::sieve_name(m.sieve)) : json(nullptr)}};
    out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
}

void write_times_jsonl(const Document& doc, std::ostream& out) {
  for (const TimeExpr& t : doc.times) {
    nlohmann::json j = {{"doc", doc.id},
                        {"sent", t.sentence + 1},
                        {"start", t.span.begin},
                        {"end", t.span.end},
                        {"text", doc.str(t.span)},
                        {"value", t.value},
                        {"granularity", time_granularity_name(t.granularity)},
                        {"date", t.date.known() ? nlohmann::json(t.date.iso()) : nlohmann::json(nullptr)},
                        {"anchor", t.anchor},
                        {"doc_date", doc.date.known() ? nlohmann::json(doc.date.iso()) : nlohmann::json(nullptr)},
                        {"doc_date_source", doc.date_source}};
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

nlohmann::ordered_json quote_json(const Document& doc, const Quote& q) {
  nlohmann::ordered_json speaker = nullptr;
  if (!q.speaker.empty() || q.speaker_chain >= 0) {
    const Chain* chain = q.speaker_chain >= 0 && static_cast<size_t>(q.speaker_chain) < doc.chains.size()
                             ? &doc.chains[q.speaker_chain]
                             : nullptr;
    std::string text(doc.str(q.speaker));
    speaker = {{"text", text},
               {"canonical", chain && !chain->canonical.empty() ? chain->canonical : text},
               {"actor", chain && !chain->actor.empty() ? nlohmann::ordered_json(chain->actor) : nlohmann::ordered_json(nullptr)}};
  }
  return {{"doc", doc.id},
          {"sent", q.sentence + 1},  // 1-based, as events
          {"text", std::string(doc.str(q.span))},
          {"speaker", speaker},
          {"cue", q.cue.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::string(doc.str(q.cue)))},
          {"direct", q.direct},
          {"start", q.span.begin},
          {"end", q.span.end}};
}

void write_quotes_jsonl(const Document& doc, std::ostream& out) {
  for (const Quote& q : doc.quotes)
    out << quote_json(doc, q).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace sitrep::output
