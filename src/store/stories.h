// Stories: articles about the same subject within a few days, clustered
// incrementally as they are stored.
//
// An article's profile is its 30 heaviest words by TF-IDF (document
// frequencies kept in `terms`, updated as articles arrive) plus the actors
// and canonical names of its entity chains. It joins the story, among those
// active within kStoryDays of its date, whose profile it matches best
// (cosine of the word weights + 0.3 x overlap of entities) if that reaches
// kStoryThreshold; otherwise it starts a story titled by its headline. A
// near-duplicate joins its original's story. Story profiles add the weights
// of their articles (the 60 heaviest kept).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "core/document.h"
#include "store/db.h"

namespace sitrep::store {

inline constexpr int kStoryDays = 3;
inline constexpr double kStoryThreshold = 0.3;

class StoryClusterer {
 public:
  explicit StoryClusterer(Db& db);
  // Puts stored document `id` in a story and returns the story id.
  int64_t assign(const Document& doc, int64_t id, int64_t duplicate_of);
  // Forgets the decoded story profiles (after a rollback, or at a batch start:
  // another process may have written).
  void clear_cache() { cache_.clear(); }

 private:
  struct Cached {
    std::map<std::string, double> profile;
    std::set<std::string> entities;
    double norm = 0;
  };
  std::unordered_map<int64_t, Cached> cache_;
  Db& db_;
  // Counts an article in the document frequency of each of its words; their counts before.
  std::unordered_map<std::string, int64_t> count_articles(const std::map<std::string, int>& words);

  std::unordered_map<size_t, Stmt> bump_df_;  // by the number of words it takes
  Stmt max_doc_, candidates_, profile_, story_of_, insert_story_, update_story_, link_;
};

}  // namespace sitrep::store
