#include "normalize/script.h"

// OpenCC stays behind this file: its exceptions are not std::exceptions, so every call into it
// goes through load() below, which turns them into hantidy::Error.
#include <Config.hpp>
#include <Conversion.hpp>
#include <ConversionChain.hpp>
#include <Converter.hpp>
#include <DictEntry.hpp>
#include <DictGroup.hpp>
#include <Exception.hpp>
#include <Lexicon.hpp>
#include <MaxMatchSegmentation.hpp>
#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

#include "core/error.h"
#include "core/suggest.h"
#include "normalize/utf8.h"

namespace hantidy {
namespace {

constexpr std::string_view kDataDir = "/usr/share/opencc";
constexpr std::string_view kFilter = "script";

void flatten(const opencc::DictPtr& dict, std::vector<opencc::DictPtr>& out) {
  if (auto group = std::dynamic_pointer_cast<opencc::DictGroup>(dict)) {
    for (const opencc::DictPtr& d : group->GetDicts()) flatten(d, out);
  } else {
    out.push_back(dict);
  }
}

// The dictionaries of a group in the order DictGroup consults them, with default values.
std::vector<ScriptDict> extract(const opencc::DictPtr& dict) {
  std::vector<opencc::DictPtr> dicts;
  flatten(dict, dicts);
  std::vector<ScriptDict> group;
  for (const opencc::DictPtr& d : dicts) {
    ScriptDict entries;
    opencc::LexiconPtr lexicon = d->GetLexicon();
    entries.reserve(lexicon->Length());
    for (const auto& entry : *lexicon) entries.push_back({entry->Key(), entry->GetDefault()});
    group.push_back(std::move(entries));
  }
  return group;
}

// Runs `f` with OpenCC's exceptions turned into ours.
template <typename F>
auto guarded(std::string_view what, F&& f) {
  try {
    return f();
  } catch (const opencc::Exception& e) {
    throw Error(ErrorKind::kIo, "OpenCC cannot load " + std::string(what) + ": " + e.what());
  }
}

std::string config_path(std::string_view config) {
  std::vector<std::string> names = script_configs();
  if (!std::binary_search(names.begin(), names.end(), config)) {
    std::vector<std::string_view> views(names.begin(), names.end());
    std::string message = "unknown OpenCC config '" + std::string(config) + "'";
    if (std::string near = closest(config, views); !near.empty()) {
      message += ", did you mean '" + near + "'?";
    }
    message += " Available in " + std::string(kDataDir) + ":";
    for (const std::string& n : names) message += " " + n;
    throw Error(ErrorKind::kUsage, message);
  }
  return std::string(kDataDir) + "/" + std::string(config) + ".json";
}

ScriptChainData load_chain(const std::string& path) {
  return guarded(path, [&] {
    opencc::Config loader;
    opencc::ConverterPtr converter = loader.NewFromFile(path);
    ScriptChainData data;
    auto segmentation =
        std::dynamic_pointer_cast<opencc::MaxMatchSegmentation>(converter->GetSegmentation());
    if (!segmentation) {
      throw Error(ErrorKind::kIo, path + ": only maximum-matching segmentation is supported");
    }
    data.segmentation = extract(segmentation->GetDict());
    for (const opencc::ConversionPtr& conversion :
         converter->GetConversionChain()->GetConversions()) {
      data.steps.push_back(extract(conversion->GetDict()));
    }
    return data;
  });
}

// Characters one dictionary changes: keys that are not among their own values.
std::vector<bool> changed_keys(std::string_view file) {
  std::string json =
      R"({"segmentation":{"type":"mmseg","dict":{"type":"ocd2","file":")" + std::string(file) +
      R"("}},"conversion_chain":[{"dict":{"type":"ocd2","file":")" + std::string(file) + R"("}}]})";
  return guarded(file, [&] {
    opencc::Config loader;
    opencc::ConverterPtr converter = loader.NewFromString(json, std::string(kDataDir) + "/");
    auto segmentation =
        std::dynamic_pointer_cast<opencc::MaxMatchSegmentation>(converter->GetSegmentation());
    std::vector<bool> changed(0x110000, false);
    for (const auto& entry : *segmentation->GetDict()->GetLexicon()) {
      std::string key = entry->Key();
      std::vector<std::string> values = entry->Values();
      if (std::find(values.begin(), values.end(), key) != values.end()) continue;
      std::u32string cps;
      // Single characters only: the character dictionaries hold nothing else.
      char32_t cp = 0;
      int n = 0;
      for (unsigned char c : key) {
        if ((c & 0xC0) != 0x80) {
          if (n++) break;
          cp = c < 0xE0 ? c & 0x1F : c < 0xF0 ? c & 0x0F : c & 0x07;
          if (c < 0x80) cp = c;
        } else {
          cp = (cp << 6) | (c & 0x3F);
        }
      }
      if (n == 1 && cp < changed.size()) changed[cp] = true;
    }
    return changed;
  });
}

struct DetectTables {
  std::vector<bool> simplified;   // Simplified-only characters
  std::vector<bool> traditional;  // Traditional-only characters
};

const DetectTables& detect_tables() {
  static const DetectTables tables = [] {
    DetectTables t;
    std::vector<bool> st = changed_keys("STCharacters.ocd2");
    std::vector<bool> ts = changed_keys("TSCharacters.ocd2");
    t.simplified.assign(st.size(), false);
    t.traditional.assign(st.size(), false);
    for (std::size_t cp = 0; cp < st.size(); ++cp) {
      t.simplified[cp] = st[cp] && !ts[cp];
      t.traditional[cp] = ts[cp] && !st[cp];
    }
    return t;
  }();
  return tables;
}

std::size_t char_length(std::string_view s, std::size_t at) {
  std::size_t n = 1;
  while (at + n < s.size() && (static_cast<unsigned char>(s[at + n]) & 0xC0) == 0x80) ++n;
  return n;
}

// The config's target, the part after "2": "s2twp" → "twp".
std::string_view target_of(std::string_view config) {
  std::size_t two = config.find('2');
  return two == std::string_view::npos ? std::string_view() : config.substr(two + 1);
}

}  // namespace

std::vector<std::string> script_configs() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(kDataDir, ec)) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

ScriptChainData script_chain_data(std::string_view config) {
  return load_chain(config_path(config));
}

std::shared_ptr<const ScriptEngine> script_engine(std::string_view config) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const ScriptEngine>, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(config); it != cache.end()) return it->second;
  auto engine = std::make_shared<const ScriptEngine>(load_chain(config_path(config)));
  cache.emplace(std::string(config), engine);
  return engine;
}

std::string_view script_config_lang(std::string_view config) {
  if (config.starts_with("jp") || config.ends_with("jp")) return config.ends_with("jp") ? "ja" : "";
  std::string_view target = target_of(config);
  if (target == "s" || target == "sp") return "zh-Hans";
  if (target == "t") return "zh-Hant";
  if (target.starts_with("tw")) return "zh-Hant-TW";
  if (target.starts_with("hk")) return "zh-Hant-HK";
  return "";
}

bool script_config_corner_quotes(std::string_view config) {
  std::string_view target = target_of(config);
  return target.starts_with("tw") || target.starts_with("hk");
}

ScriptEvidence script_evidence(std::string_view text) {
  const DetectTables& t = detect_tables();
  ScriptEvidence e;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0xE0) {  // CJK needs three or four bytes
      ++i;
      continue;
    }
    char32_t cp = next_code_point(text, i);
    if (cp < t.simplified.size()) {
      e.simplified += t.simplified[cp];
      e.traditional += t.traditional[cp];
    }
  }
  return e;
}

ScriptEvidence script_evidence(const Document& doc) {
  ScriptEvidence e;
  for (const Block& b : doc.blocks) {
    if (!is_furniture(b.kind)) e += script_evidence(b.text);
  }
  return e;
}

ScriptClass classify_script(const ScriptEvidence& e) {
  std::size_t total = e.simplified + e.traditional;
  if (total == 0) return ScriptClass::kNeither;
  if (e.simplified * 10 >= total * 9) return ScriptClass::kSimplified;
  if (e.traditional * 10 >= total * 9) return ScriptClass::kTraditional;
  return ScriptClass::kMixed;
}

std::string_view script_class_name(ScriptClass c) {
  switch (c) {
    case ScriptClass::kSimplified:
      return "Simplified";
    case ScriptClass::kTraditional:
      return "Traditional";
    case ScriptClass::kMixed:
      return "mixed";
    case ScriptClass::kNeither:
      break;
  }
  return "neither";
}

ScriptFilter::ScriptFilter(Mode mode, std::string config, ScriptClass target, bool phrases)
    : mode_(mode), config_(std::move(config)), target_(target), phrases_(phrases) {}

namespace {

// The replacements for one converted block: a phrase (or a segment whose length changed) as a
// whole, a run of single characters as its changed stretches.
void segment_replacements(std::string_view text, std::string_view out,
                          const std::vector<ScriptSegment>& segments, const Name& rule,
                          std::vector<Replacement>& reps) {
  for (const ScriptSegment& s : segments) {
    std::string_view in = text.substr(s.in_begin, s.in_end - s.in_begin);
    std::string_view reg = out.substr(s.out_begin, s.out_end - s.out_begin);
    if (s.phrase || count_code_points(in) != count_code_points(reg)) {
      reps.push_back({s.in_begin, s.in_end, std::string(reg), rule});
      continue;
    }
    std::size_t a = 0, b = 0;
    while (a < in.size()) {
      std::size_t na = char_length(in, a), nb = char_length(reg, b);
      if (in.substr(a, na) == reg.substr(b, nb)) {
        a += na;
        b += nb;
        continue;
      }
      std::size_t a0 = a, b0 = b;
      while (a < in.size()) {
        na = char_length(in, a);
        nb = char_length(reg, b);
        if (in.substr(a, na) == reg.substr(b, nb)) break;
        a += na;
        b += nb;
      }
      reps.push_back({s.in_begin + a0, s.in_begin + a, std::string(reg.substr(b0, b - b0)), rule});
    }
  }
}

}  // namespace

void ScriptFilter::convert(Document& doc, const ScriptEngine& engine) const {
  std::string out;
  std::vector<ScriptSegment> segments;
  std::vector<Replacement> reps;
  const Name rule(config_);  // the rule of every change is the config's name
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    if (is_furniture(block.kind)) continue;
    out.clear();
    segments.clear();
    reps.clear();
    if (!phrases_) {
      // One change per block: the bulk mode for corpora, where nobody reads <choice>s.
      engine.convert(block.text, out);
      if (out != block.text) reps.push_back({0, block.text.size(), out, rule});
    } else {
      engine.convert(block.text, out, &segments);
      segment_replacements(block.text, out, segments, rule, reps);
    }
    if (!reps.empty()) doc.rewrite(i, std::move(reps), kFilter);
  }
}

void ScriptFilter::apply(Document& doc, Diagnostics& diag) const {
  std::string config = config_;
  if (mode_ != Mode::kConvert) {
    ScriptEvidence e = script_evidence(doc);
    ScriptClass found = classify_script(e);
    doc.meta["script"] = std::string(script_class_name(found));
    doc.meta["script-evidence"] = "simplified-only " + std::to_string(e.simplified) +
                                  ", traditional-only " + std::to_string(e.traditional);
    std::string file = doc.sources.empty() ? std::string() : doc.sources.front().name;
    diag.info(std::string(kFilter), file, 0,
              std::string(script_class_name(found)) + " (" + doc.meta["script-evidence"] + ")");
    if (mode_ == Mode::kDetect || found == ScriptClass::kNeither) {
      if (found == ScriptClass::kSimplified) doc.meta["lang"] = "zh-Hans";
      if (found == ScriptClass::kTraditional) doc.meta["lang"] = "zh-Hant";
      return;
    }
    if (found == target_) {
      if (config.empty()) config = target_ == ScriptClass::kSimplified ? "t2s" : "s2t";
      doc.meta["lang"] = std::string(script_config_lang(config));
      return;
    }
    if (config.empty()) config = target_ == ScriptClass::kSimplified ? "t2s" : "s2t";
  }
  std::shared_ptr<const ScriptEngine> engine = script_engine(config);
  ScriptFilter(Mode::kConvert, config, target_, phrases_).convert(doc, *engine);
  if (std::string_view lang = script_config_lang(config); !lang.empty()) {
    doc.meta["lang"] = std::string(lang);
  }
  doc.meta["script-config"] = config;
  if (script_config_corner_quotes(config)) doc.meta["quotes"] = "corner";
}

std::unique_ptr<Filter> make_script_filter(const FilterArgs& args) {
  args.allow({"config", "to", "detect", "changes"});
  bool phrases = args.choice("changes", {"phrase", "block"}, "phrase") == "phrase";
  std::string config = args.get("config");
  if (args.has("config") && config.empty()) {
    throw Error(ErrorKind::kUsage, "script: config= needs a name");
  }
  if (!config.empty()) config_path(config);  // unknown names fail now, listing the known ones
  // Bare `script` detects: it sets the document's language for the writers and changes nothing,
  // so it is safe anywhere in a chain.
  if (args.flag("detect", false) || (config.empty() && !args.has("to"))) {
    return std::make_unique<ScriptFilter>(ScriptFilter::Mode::kDetect, "", ScriptClass::kNeither,
                                          phrases);
  }
  if (args.has("to")) {
    std::string to = args.choice("to", {"hans", "hant"}, "hans");
    return std::make_unique<ScriptFilter>(
        ScriptFilter::Mode::kTo, config,
        to == "hans" ? ScriptClass::kSimplified : ScriptClass::kTraditional, phrases);
  }
  return std::make_unique<ScriptFilter>(ScriptFilter::Mode::kConvert, config, ScriptClass::kNeither,
                                        phrases);
}

}  // namespace hantidy
