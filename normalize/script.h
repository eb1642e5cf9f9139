// script: Simplified/Traditional conversion with OpenCC's configs and dictionaries, and script
// detection. The only file that includes OpenCC headers is script.cc.
#ifndef HANTIDY_NORMALIZE_SCRIPT_H_
#define HANTIDY_NORMALIZE_SCRIPT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/filter.h"
#include "normalize/script_engine.h"

namespace hantidy {

/// The configs the installed OpenCC ships ("hk2s", "s2t", ...), sorted; read from its data
/// directory at run time so that the list is what the machine can actually do.
std::vector<std::string> script_configs();

/// The engine for one installed config, built on first use from OpenCC's own dictionaries and
/// then shared (building takes tens of milliseconds; converting is the hot path). Throws
/// Error{kUsage} for an unknown name (the message lists the available ones) and Error{kIo} when
/// OpenCC cannot load the config.
std::shared_ptr<const ScriptEngine> script_engine(std::string_view config);

/// The dictionaries of one installed config, as OpenCC loads them (for tests and benchmarks).
ScriptChainData script_chain_data(std::string_view config);

/// BCP 47 tag of the text a config produces ("zh-Hant-TW" for s2twp), or "" when it implies
/// none (Japanese configs).
std::string_view script_config_lang(std::string_view config);

/// Whether a config's target is a Taiwan or Hong Kong standard (which quote with 「」『』).
bool script_config_corner_quotes(std::string_view config);

enum class ScriptClass { kSimplified, kTraditional, kMixed, kNeither };

/// Evidence for script detection: characters that exist in one script only, counted by
/// occurrence. Derived from OpenCC's STCharacters and TSCharacters: a Simplified-only character
/// converts to something else under s2t and is not itself converted by t2s, and vice versa.
struct ScriptEvidence {
  std::size_t simplified = 0;
  std::size_t traditional = 0;
  ScriptEvidence& operator+=(const ScriptEvidence& o) {
    simplified += o.simplified;
    traditional += o.traditional;
    return *this;
  }
};

ScriptEvidence script_evidence(std::string_view text);
/// A document's evidence over its content blocks (furniture is skipped).
ScriptEvidence script_evidence(const Document& doc);
/// One script when at least 90% of the evidence is for it; mixed otherwise; neither without
/// evidence.
ScriptClass classify_script(const ScriptEvidence& evidence);
/// "Simplified", "Traditional", "mixed", "neither".
std::string_view script_class_name(ScriptClass c);

/// The filter. Modes: `config=NAME` converts every content block; `to=hans|hant` detects first
/// and converts (t2s / s2t, or `config=`) only when the document is not already in the target
/// script; `detect` only records the classification in doc.meta ("script", "script-evidence").
/// Changes are recorded per converted phrase (TEI can show each as <choice>), or with
/// `changes=block` as one change per block, which costs nothing beyond the conversion itself.
class ScriptFilter : public Filter {
 public:
  enum class Mode { kConvert, kTo, kDetect };
  ScriptFilter(Mode mode, std::string config, ScriptClass target, bool phrases = true);
  void apply(Document& doc, Diagnostics& diag) const override;

 private:
  void convert(Document& doc, const ScriptEngine& engine) const;

  Mode mode_;
  std::string config_;
  ScriptClass target_;
  bool phrases_;
};

std::unique_ptr<Filter> make_script_filter(const FilterArgs& args);

}  // namespace hantidy

#endif  // HANTIDY_NORMALIZE_SCRIPT_H_
