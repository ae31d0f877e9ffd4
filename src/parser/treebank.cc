#include "parser/treebank.h"


#include <fmt/format.h>

#include "core/case_fold.h"
#include "core/tagset.h"
#include "io/conllu_reader.h"

namespace sitrep {

void add_case_copies(std::vector<TreebankSentence>& sentences, double lower, double upper) {
  append_case_copies(sentences, lower, upper, [](TreebankSentence& t, CaseFold fold) {
    for (auto& w : t.words) w.form = fold_case(w.form, fold);
  });
}

Result<std::vector<TreebankSentence>> read_treebank(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(auto corpus, io::read_conllu_file(path));
  const io::ConlluCorpus& c = corpus;
  std::vector<TreebankSentence> out;
  out.reserve(c.sentences.size());
  for (const auto& cs : c.sentences) {
    TreebankSentence s;
    s.doc_id = cs.doc_id;
    s.words.reserve(cs.word_count);
    for (uint32_t i = cs.first_word; i < cs.first_word + cs.word_count; ++i) {
      const io::ConlluWord& cw = c.words[i];
      if (cw.head < 0 || static_cast<uint32_t>(cw.head) > cs.word_count)
        return Status::Error(fmt::format("{}: sentence {}: HEAD {} out of range", path, cs.id, cw.head));
      s.words.push_back(TreebankWord{cw.form, cw.lemma, upos_id(cw.upos), xpos_id(cw.xpos), deprel_id(cw.deprel),
                                     static_cast<uint32_t>(cw.head)});
    }
    if (!s.words.empty()) out.push_back(std::move(s));
  }
  return out;
}

Document treebank_document(const std::vector<TreebankSentence>& sentences, bool gold_analysis) {
  Document doc;
  size_t words = 0, bytes = 0;
  for (const auto& s : sentences) {
    words += s.words.size();
    for (const auto& w : s.words) bytes += w.form.size() + 1;
  }
  doc.text.reserve(bytes);
  doc.words.reserve(words);
  doc.tokens.reserve(words);
  for (const auto& s : sentences) {
    Sentence sent;
    sent.first_token = static_cast<uint32_t>(doc.tokens.size());
    sent.first_word = static_cast<uint32_t>(doc.words.size());
    sent.span.begin = static_cast<uint32_t>(doc.text.size());
    for (const auto& tw : s.words) {
      Span span{static_cast<uint32_t>(doc.text.size()), 0};
      doc.text += tw.form;
      span.end = static_cast<uint32_t>(doc.text.size());
      doc.text += ' ';
      Token tok;
      tok.span = span;
      tok.first_word = static_cast<uint32_t>(doc.words.size());
      Word w;
      w.span = span;
      w.token = static_cast<uint32_t>(doc.tokens.size());
      if (gold_analysis) {
        w.upos = tw.upos;
        w.xpos = tw.xpos;
        w.deprel = tw.deprel;
        w.head = tw.head;
        w.lemma = doc.add_to_pool(tw.lemma);
      }
      doc.tokens.push_back(tok);
      doc.words.push_back(w);
    }
    sent.span.end = doc.text.empty() ? 0 : static_cast<uint32_t>(doc.text.size() - 1);
    sent.token_count = static_cast<uint32_t>(doc.tokens.size()) - sent.first_token;
    sent.word_count = static_cast<uint32_t>(doc.words.size()) - sent.first_word;
    doc.sentences.push_back(sent);
  }
  doc.blocks.push_back(Block{Span{0, static_cast<uint32_t>(doc.text.size())}, BlockKind::kNews});
  return doc;
}

}  // namespace sitrep
