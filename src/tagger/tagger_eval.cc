#include "tagger/tagger_eval.h"

#include <fmt/format.h>

#include <chrono>
#include <vector>

#include "core/tagset.h"

namespace sitrep::tagger {

TaggerScores score_tagger(const Tagger& tagger, const io::ConlluCorpus& gold, std::string_view doc_prefix) {
  TaggerScores sc;
  std::vector<std::string_view> forms;
  std::vector<WordTags> tags;
  std::string scratch;
  std::chrono::steady_clock::duration spent{};
  for (const io::ConlluSentence& s : gold.sentences) {
    if (!doc_prefix.empty() && !s.doc_id.starts_with(doc_prefix)) continue;
    forms.clear();
    for (uint32_t i = 0; i < s.word_count; ++i) forms.push_back(gold.words[s.first_word + i].form);
    tags.resize(forms.size());
    auto t0 = std::chrono::steady_clock::now();
    tagger.tag_words(forms, tags);
    spent += std::chrono::steady_clock::now() - t0;
    for (uint32_t i = 0; i < s.word_count; ++i) {
      const io::ConlluWord& g = gold.words[s.first_word + i];
      const WordTags& t = tags[i];
      std::string_view feats = tagger.feats(forms[i], t);
      if (feats.empty()) feats = "_";
      bool upos = kUpos[t.upos] == g.upos, xpos = kXpos[t.xpos] == g.xpos, fe = feats == g.feats;
      ++sc.words;
      sc.upos += upos;
      sc.xpos += xpos;
      sc.feats += fe;
      sc.all_tags += upos && xpos && fe;
      sc.lemma += tagger.lemma(forms[i], t, scratch) == g.lemma;
    }
  }
  sc.seconds = std::chrono::duration<double>(spent).count();
  return sc;
}

Status tagger_accuracy(const Tagger& tagger, const std::string& gold_path, std::string_view doc_prefix,
                       TaggerScores* scores) {
  SITREP_ASSIGN_OR_RETURN(auto corpus, io::read_conllu_file(gold_path));
  *scores = score_tagger(tagger, corpus, doc_prefix);
  if (scores->words == 0)
    return Status::Error(gold_path + ": no words to score" +
                         (doc_prefix.empty() ? "" : " in documents starting with " + std::string(doc_prefix)));
  return Status::Ok();
}

std::string format_tagger_scores(const TaggerScores& s) {
  auto p = [&](uint64_t n) { return TaggerScores::percent(n, s.words); };
  return fmt::format("UPOS {:.2f}  XPOS {:.2f}  UFeats {:.2f}  AllTags {:.2f}  Lemmas {:.2f}  ({} words)", p(s.upos),
                     p(s.xpos), p(s.feats), p(s.all_tags), p(s.lemma), s.words);
}

}  // namespace sitrep::tagger
