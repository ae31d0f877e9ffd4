#include "eval/ner_eval.h"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <tuple>

#include "entities/ner.h"
#include "parser/parser.h"
#include "tagger/tagger.h"

namespace sitrep::eval {
namespace {

using entities::NerSpan;

EntityType mapped_type(EntityType t) {
  if (t == EntityType::kGpe) return EntityType::kLoc;
  if (t == EntityType::kPerson || t == EntityType::kOrg || t == EntityType::kLoc) return t;
  return EntityType::kNone;
}

void count(const std::vector<NerSpan>& gold, const std::vector<NerSpan>& pred, bool map,
           std::array<NerCounts, kEntityTypeCount>& by_type, NerCounts& total) {
  using Key = std::tuple<uint32_t, uint32_t, int>;
  auto keys = [&](const std::vector<NerSpan>& v) {
    std::vector<Key> out;
    for (const NerSpan& s : v) {
      EntityType t = map ? mapped_type(s.type) : s.type;
      if (t != EntityType::kNone) out.emplace_back(s.first_word, s.word_count, static_cast<int>(t));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<Key> g = keys(gold), p = keys(pred);
  for (const Key& k : p) {
    bool hit = std::binary_search(g.begin(), g.end(), k);
    (hit ? by_type[std::get<2>(k)].tp : by_type[std::get<2>(k)].fp)++;
  }
  for (const Key& k : g)
    if (!std::binary_search(p.begin(), p.end(), k)) by_type[std::get<2>(k)].fn++;
  for (const NerCounts& c : by_type) total.add(c);
}

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

NerScores score_ner(const entities::NerCorpus& gold, const std::vector<NerSpan>& pred) {
  NerScores s;
  s.partial = gold.partial;
  count(gold.spans, pred, true, s.mapped, s.mapped_total);
  if (!gold.partial) count(gold.spans, pred, false, s.all, s.all_total);
  return s;
}

Result<NerEvalResult> evaluate_ner(const NerEvalOptions& o) {
  SITREP_ASSIGN_OR_RETURN(auto gold, entities::read_ner_corpus(o.gold_path));
  entities::NerCorpus& g = gold;
  if (!o.genre.empty()) {
    std::string needle = "_" + o.genre + "_";
    entities::filter_documents(g, [&](std::string_view id) { return id.find(needle) != std::string_view::npos; });
    if (g.corpus.sentences.empty()) return Status::Error(o.gold_path + ": no document of genre " + o.genre);
  }
  SITREP_ASSIGN_OR_RETURN(auto tagger, tagger::Tagger::load_default());
  SITREP_ASSIGN_OR_RETURN(auto parser, Parser::load_default());
  SITREP_ASSIGN_OR_RETURN(auto ner, o.model.empty() ? entities::Ner::load_default() : entities::Ner::load(o.model));
  NerEvalResult r;
  std::vector<NerSpan> pred;
  uint32_t sent_base = 0, word_base = 0;
  for (Document& doc : io::conllu_documents(g.corpus, "gold")) {
    tagger.tag(doc);
    parser.parse(doc);
    double t0 = cpu_seconds();
    ner.tag(doc);
    r.ner_seconds += cpu_seconds() - t0;
    for (const Mention& m : doc.mentions)
      pred.push_back({sent_base + m.sentence, word_base + m.first_word, m.word_count, m.type});
    sent_base += static_cast<uint32_t>(doc.sentences.size());
    word_base += static_cast<uint32_t>(doc.words.size());
    r.words += doc.words.size();
  }
  if (word_base != g.corpus.words.size() || sent_base != g.corpus.sentences.size())
    return Status::Error(o.gold_path + ": the documents rebuilt from the gold file do not keep its words");
  r.scores = score_ner(g, pred);
  if (!o.dump.empty()) {
    std::vector<std::string> gt(g.corpus.words.size(), "O"), pt(gt.size(), "O");
    auto mark = [](std::vector<std::string>& tags, const std::vector<NerSpan>& spans) {
      for (const NerSpan& s : spans)
        for (uint32_t k = 0; k < s.word_count; ++k)
          tags[s.first_word + k] = (k ? "I-" : "B-") + std::string(entity_type_name(s.type));
    };
    mark(gt, g.spans);
    mark(pt, pred);
    std::ofstream out(o.dump);
    for (const auto& s : g.corpus.sentences) {
      out << "# " << s.id << "\n";
      for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w)
        out << g.corpus.words[w].form << '\t' << gt[w] << '\t' << pt[w] << (gt[w] != pt[w] ? "\t*" : "") << '\n';
      out << '\n';
    }
  }
  return r;
}

}  // namespace sitrep::eval
