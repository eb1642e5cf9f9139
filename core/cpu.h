// What the CPU the program runs on can do, asked once. The build targets plain x86-64; the few
// loops that gain from AVX2 (line measures, JSON escaping) pick their 32-byte form at run time.
#ifndef HANTIDY_CORE_CPU_H_
#define HANTIDY_CORE_CPU_H_

namespace hantidy {

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HANTIDY_CPU_X86_64 1
/// Whether this CPU runs AVX2 instructions.
inline bool cpu_has_avx2() {
  static const bool yes = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return yes;
}
#endif

}  // namespace hantidy

#endif  // HANTIDY_CORE_CPU_H_
