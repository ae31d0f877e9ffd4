#include "eval/coref_eval.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <unordered_map>

#include "core/tagset.h"
#include "entities/coref.h"
#include "entities/mentions.h"
#include "io/conllu_reader.h"
#include "io/gum_entities.h"
#include "pipeline/pipeline.h"

namespace sitrep::eval {
namespace {

// Maximum-weight assignment on a square matrix (Hungarian algorithm, O(n³)).
double max_assignment(const std::vector<std::vector<double>>& w) {
  const size_t n = w.size();
  if (n == 0) return 0;
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1), v(n + 1);
  std::vector<size_t> p(n + 1), way(n + 1);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(n + 1, inf);
    std::vector<bool> used(n + 1, false);
    do {
      used[j0] = true;
      size_t i0 = p[j0], j1 = 0;
      double delta = inf;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        double cur = -w[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) minv[j] = cur, way[j] = j0;
        if (minv[j] < delta) delta = minv[j], j1 = j;
      }
      for (size_t j = 0; j <= n; ++j)
        if (used[j]) u[p[j]] += delta, v[j] -= delta;
        else minv[j] -= delta;
      j0 = j1;
    } while (p[j0] != 0);
    do {
      size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  double total = 0;
  for (size_t j = 1; j <= n; ++j)
    if (p[j]) total += w[p[j] - 1][j - 1];
  return total;
}

// MUC's side: links of `a` kept in `b` (Vilain et al. 1995).
void muc_side(const Clustering& a, const std::unordered_map<uint64_t, size_t>& b_of, double& num, double& den) {
  for (const auto& k : a) {
    if (k.empty()) continue;
    std::vector<size_t> parts;
    size_t alone = 0;
    for (uint64_t id : k) {
      auto it = b_of.find(id);
      if (it == b_of.end()) ++alone;
      else parts.push_back(it->second);
    }
    std::sort(parts.begin(), parts.end());
    size_t partitions = alone + (std::unique(parts.begin(), parts.end()) - parts.begin());
    num += static_cast<double>(k.size() - partitions);
    den += static_cast<double>(k.size() - 1);
  }
}

std::unordered_map<uint64_t, size_t> cluster_of(const Clustering& c) {
  std::unordered_map<uint64_t, size_t> out;
  for (size_t i = 0; i < c.size(); ++i)
    for (uint64_t id : c[i]) out[id] = i;
  return out;
}

EntityType gum_type(const std::string& t) {
  if (t == "person") return EntityType::kPerson;
  if (t == "organization") return EntityType::kOrg;
  if (t == "place") return EntityType::kGpe;
  return EntityType::kNone;
}

}  // namespace

void CorefScores::add_document(const Clustering& key, const Clustering& response) {
  auto key_of = cluster_of(key), resp_of = cluster_of(response);
  muc_side(key, resp_of, muc.recall_num, muc.recall_den);
  muc_side(response, key_of, muc.precision_num, muc.precision_den);
  // Overlaps |k ∩ r|.
  std::vector<std::vector<double>> overlap(key.size(), std::vector<double>(response.size(), 0));
  for (size_t k = 0; k < key.size(); ++k)
    for (uint64_t id : key[k]) {
      auto it = resp_of.find(id);
      if (it != resp_of.end()) overlap[k][it->second] += 1;
    }
  for (size_t k = 0; k < key.size(); ++k) {
    b3.recall_den += key[k].size();
    for (size_t r = 0; r < response.size(); ++r) {
      double o = overlap[k][r];
      if (o == 0) continue;
      b3.recall_num += o * o / key[k].size();
      b3.precision_num += o * o / response[r].size();
    }
  }
  for (const auto& r : response) b3.precision_den += r.size();
  const size_t n = std::max(key.size(), response.size());
  std::vector<std::vector<double>> phi(n, std::vector<double>(n, 0));
  for (size_t k = 0; k < key.size(); ++k)
    for (size_t r = 0; r < response.size(); ++r)
      phi[k][r] = 2 * overlap[k][r] / static_cast<double>(key[k].size() + response[r].size());
  double sim = max_assignment(phi);
  ceafe.recall_num += sim, ceafe.precision_num += sim;
  ceafe.recall_den += key.size(), ceafe.precision_den += response.size();
}

Result<CorefEvalResult> evaluate_coref(const CorefEvalOptions& opt) {
  SITREP_ASSIGN_OR_RETURN(auto corpus_or, io::read_conllu_file(opt.gold_path));
  const io::ConlluCorpus& corpus = corpus_or;
  SITREP_ASSIGN_OR_RETURN(auto pipeline_or, Pipeline::load_default());
  const Pipeline& pipeline = pipeline_or;
  std::vector<io::GumMention> gold = io::gum_mentions(corpus);
  std::vector<Document> docs =
      io::conllu_documents(corpus, std::filesystem::path(opt.gold_path).stem().string());
  // Each document's first corpus sentence (conllu_documents starts one per # newdoc).
  std::vector<uint32_t> doc_first_sentence;
  for (uint32_t s = 0; s < corpus.sentences.size(); ++s)
    if (s == 0 || corpus.sentences[s].new_doc) doc_first_sentence.push_back(s);
  if (doc_first_sentence.size() != docs.size())
    return Status::Error(opt.gold_path + ": documents do not line up with the corpus");
  doc_first_sentence.push_back(static_cast<uint32_t>(corpus.sentences.size()));

  CorefEvalResult res;
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
  size_t g = 0;  // next gold mention
  uint64_t fresh = gold.size();  // ids of our mentions that match no gold mention
  for (size_t d = 0; d < docs.size(); ++d) {
    Document& doc = docs[d];
    const uint32_t s0 = doc_first_sentence[d], s1 = doc_first_sentence[d + 1];
    const uint32_t w0 = corpus.sentences[s0].first_word;
    std::vector<size_t> doc_gold;  // gold mentions of the kept types in this document
    while (g < gold.size() && gold[g].sentence < s1) {
      if (gold[g].sentence >= s0 && gum_type(gold[g].type) != EntityType::kNone) doc_gold.push_back(g);
      ++g;
    }
    if (io::excluded_training_document(doc.id)) continue;
    if (!opt.genre.empty() && !doc.id.starts_with("GUM_" + opt.genre + "_")) continue;
    if (doc.words.size() != corpus.sentences[s1 - 1].first_word + corpus.sentences[s1 - 1].word_count - w0)
      return Status::Error(opt.gold_path + ": document " + doc.id + ": words do not line up with the corpus");
    ++res.documents;
    auto t0 = Clock::now();
    pipeline.process(doc);
    auto t1 = Clock::now();
    std::vector<uint64_t> mention_id;  // per system mention, after sorting
    if (opt.gold_mentions) {
      for (size_t k : doc_gold) {
        const io::GumMention& gm = gold[k];
        Mention m;
        m.first_word = gm.first_word - w0;
        m.word_count = gm.word_count;
        m.sentence = gm.sentence - s0;
        const Sentence& s = doc.sentences[m.sentence];
        m.head_word = m.first_word;
        for (uint32_t w = m.first_word; w < m.first_word + m.word_count; ++w) {
          uint32_t h = entities::head_of(doc, s, w);
          if (h == UINT32_MAX || h < m.first_word || h >= m.first_word + m.word_count) {
            m.head_word = w;
            break;
          }
        }
        m.span = Span{doc.words[m.first_word].span.begin, doc.words[m.first_word + m.word_count - 1].span.end};
        m.type = gum_type(gm.type);
        std::string_view up = kUpos[doc.words[m.head_word].upos];
        m.kind = up == "PRON"  ? MentionKind::kPronoun
                 : up == "PROPN" ? MentionKind::kName
                                 : MentionKind::kNominal;
        m.antecedent = static_cast<int32_t>(k);  // carries the gold id through sorting
        doc.mentions.push_back(m);
      }
      entities::sort_mentions(doc);
      for (Mention& m : doc.mentions) mention_id.push_back(static_cast<uint64_t>(m.antecedent));
    } else {
      entities::add_name_mentions_from_parse(doc);
      entities::add_nominal_and_pronoun_mentions(doc);
    }
    auto t2 = Clock::now();
    entities::resolve_coreference(doc);
    auto t3 = Clock::now();
    res.parse_seconds += seconds(t0, t1);
    res.mention_seconds += seconds(t1, t2);
    res.coref_seconds += seconds(t2, t3);

    if (!opt.gold_mentions) {
      // Align each of our mentions to the smallest unaligned gold mention whose
      // minimal span holds its head word; the rest get ids of their own.
      std::vector<bool> taken(gold.size(), false);
      for (const Mention& m : doc.mentions) {
        uint32_t head = m.head_word + w0;
        long best = -1;
        for (size_t k : doc_gold) {
          const io::GumMention& gm = gold[k];
          if (taken[k] || std::find(gm.min_words.begin(), gm.min_words.end(), head) == gm.min_words.end()) continue;
          if (best < 0 || gm.word_count < gold[best].word_count) best = static_cast<long>(k);
        }
        if (best >= 0) taken[best] = true;
        mention_id.push_back(best >= 0 ? static_cast<uint64_t>(best) : fresh++);
      }
    }
    if (opt.explain) {
      for (size_t i = 0; i < doc.mentions.size(); ++i) {
        const Mention& m = doc.mentions[i];
        std::string group = mention_id[i] < gold.size() ? std::to_string(gold[mention_id[i]].group) : "-";
        std::string ante, ante_group = "-";
        if (m.antecedent >= 0) {
          ante = std::string(doc.str(doc.mentions[m.antecedent].span));
          uint64_t a = mention_id[m.antecedent];
          if (a < gold.size()) ante_group = std::to_string(gold[a].group);
        }
        std::fprintf(stderr, "%s\t%u\t%s\t%s\tchain=%d\tgold=%s\t%s\t%s\t%s\n", doc.id.c_str(), m.sentence,
                     std::string(doc.str(m.span)).c_str(), entity_type_name(m.type), m.chain, group.c_str(),
                     entities::sieve_name(m.sieve), ante.c_str(), ante_group.c_str());
      }
    }
    // Key: GUM's groups of the kept types; response: our chains. Singletons out (CoNLL-2012).
    std::map<int, std::vector<uint64_t>> groups;
    for (size_t k : doc_gold) groups[gold[k].group].push_back(k);
    Clustering key, response;
    for (auto& [id, c] : groups)
      if (c.size() > 1) key.push_back(std::move(c));
    std::map<int32_t, std::vector<uint64_t>> chains;
    for (size_t i = 0; i < doc.mentions.size(); ++i)
      if (doc.mentions[i].chain >= 0) chains[doc.mentions[i].chain].push_back(mention_id[i]);
    for (auto& [id, c] : chains)
      if (c.size() > 1) response.push_back(std::move(c));
    for (const auto& c : key) res.key_mentions += c.size();
    for (const auto& c : response) res.response_mentions += c.size();
    res.key_entities += key.size();
    res.response_entities += response.size();
    res.scores.add_document(key, response);
  }
  return res;
}

}  // namespace sitrep::eval
