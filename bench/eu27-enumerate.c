// Exhaustive enumeration of the EU Council's qualified-majority game: the baseline Concert's EU27 figures are
// checked and timed against (bench/power.bench.ts). No public power-index tool implements the full rule, so
// this program visits every one of the 2^n coalitions and counts swings exactly.
//
// The rule (TEU art. 16(4), TFEU art. 238(3)): a coalition S of "yes" voters is winning iff
//   (|S| >= 15 and |S| >= 55% of n and 100 * pop(S) >= 65 * pop(all))   -- the double majority
//   or |S| >= n - 3                                                      -- a blocking minority needs 4 members
// Populations are person-level integers, so the 65% test is an exact integer comparison (pop(S) >= quota with
// quota = ceil(65 * total / 100)).
//
// Output (JSON on stdout, members in input order): each member's Banzhaf swing count (exact), its swings by
// coalition size (from which the Shapley–Shubik index follows exactly) and both indices as doubles.
//
// Build: cc -O3 -march=native -pthread -o eu27-enumerate bench/eu27-enumerate.c
// Usage: eu27-enumerate <populations file: one "id population" per line> [threads (default 2)] [--naive]
//   --naive decides each swing by the plain definition (S wins and S \ {i} loses, for every S and i in S):
//   slower, obviously right, and there to check the fast path, which decides it by casework on the rule.
#ifdef __AVX2__
#include <immintrin.h>
#endif
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_N 32
#define LOW_BITS 13 // the inner loop runs over 2^13 subsets of the first members, from tables that stay in L1/L2

typedef struct {
  int n;
  char id[MAX_N][16];
  int32_t pop[MAX_N];  // main() checks that the total fits in 31 bits, so every sum of populations does too
  int32_t quota;       // ceil(65 * total / 100)
  int min_count;       // max(15, ceil(55% of n))
  int count_override;  // n - 3: fewer than four members cannot block
} Game;

// Per-thread accumulators, so the hot loop shares nothing. counts[c][i] = swings of member i in winning
// coalitions of size c; each is at most C(n-1, c-1) <= C(31, 15) < 2^32, so 32-bit lanes are exact.
typedef struct {
  _Alignas(32) uint32_t counts[MAX_N + 1][MAX_N];
  uint64_t winning;
} Tally;

static Game game;
static int low_bits, high_bits;
static int32_t *low_pop, *low_count, *high_pop, *high_count; // population and size of each subset
static atomic_int next_high; // work queue: subsets of the high members are handed out in chunks
static int naive_mode;

static void read_game(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) { perror(path); exit(2); }
  long long pop, total = 0;
  char id[16];
  int n = 0;
  while (fscanf(f, "%15s %lld", id, &pop) == 2) {
    if (n == MAX_N || pop < 0) { fprintf(stderr, "at most %d members with populations >= 0\n", MAX_N); exit(2); }
    strcpy(game.id[n], id);
    game.pop[n++] = (int32_t)pop;
    total += pop;
  }
  fclose(f);
  if (n < 4) { fprintf(stderr, "need at least 4 members, read %d\n", n); exit(2); }
  if (total > INT32_MAX) { fprintf(stderr, "total population %lld exceeds 2^31 - 1\n", total); exit(2); }
  game.n = n;
  game.quota = (int32_t)((65 * total + 99) / 100);
  int by_share = (55 * n + 99) / 100;
  game.min_count = by_share > 15 ? by_share : 15;
  game.count_override = n - 3;
}

static int wins(int count, int32_t pop) {
  return (count >= game.min_count && pop >= game.quota) || count >= game.count_override;
}

#ifdef __AVX2__
static __m256i pop_lanes[4], bit_lanes[4]; // populations (padded with INT32_MIN) and 1 << i, eight per vector

static void init_lanes(void) {
  _Alignas(32) int32_t pops[32], bits[32];
  for (int i = 0; i < 32; i++) pops[i] = i < game.n ? game.pop[i] : INT32_MIN, bits[i] = (int32_t)(1u << i);
  for (int q = 0; q < 4; q++) {
    pop_lanes[q] = _mm256_load_si256((const __m256i *)(pops + 8 * q));
    bit_lanes[q] = _mm256_load_si256((const __m256i *)(bits + 8 * q));
  }
}

// Mask of the members whose population exceeds `slack`: four vector compares instead of n branches.
static inline uint32_t heavier_than(int32_t slack) {
  const __m256i s = _mm256_set1_epi32(slack);
  uint32_t m = 0;
  for (int q = 0; q < 4; q++)
    m |= (uint32_t)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpgt_epi32(pop_lanes[q], s))) << (8 * q);
  return m;
}

// counts[i] += 1 for every bit i of x, without a data-dependent branch per member.
static inline void add_members(uint32_t *row, uint32_t x) {
  const __m256i xv = _mm256_set1_epi32((int32_t)x);
  for (int q = 0; q < 4; q++) {
    __m256i *r = (__m256i *)(row + 8 * q);
    __m256i hit = _mm256_cmpeq_epi32(_mm256_and_si256(xv, bit_lanes[q]), bit_lanes[q]); // -1 where set
    _mm256_store_si256(r, _mm256_sub_epi32(_mm256_load_si256(r), hit));
  }
}
#else
static void init_lanes(void) {}

static inline uint32_t heavier_than(int32_t slack) {
  uint32_t m = 0;
  for (int i = 0; i < game.n; i++) m |= (uint32_t)(game.pop[i] > slack) << i;
  return m;
}

static inline void add_members(uint32_t *row, uint32_t x) {
  for (; x; x &= x - 1) row[__builtin_ctz(x)]++;
}
#endif

// The members of a winning coalition S (size c, population p) whose leaving makes it lose, by casework on
// the rule: none if S would still have n - 3 members; all if c is the minimum count (one fewer fails it);
// otherwise exactly those heavier than the population slack p - quota (for c == n - 3 the slack may be
// negative, and then every member is pivotal, as it should be).
static inline uint32_t pivotal(uint32_t s, int c, int32_t p) {
  if (c - 1 >= game.count_override) return 0;
  if (c == game.min_count) return s;
  return s & heavier_than(p - game.quota);
}

static void record(Tally *t, uint32_t s, int c, int32_t p) {
  t->winning++;
  if (!naive_mode) {
    add_members(t->counts[c], pivotal(s, c, p));
    return;
  }
  for (int i = 0; i < game.n; i++)
    if (((s >> i) & 1) && !wins(c - 1, p - game.pop[i])) t->counts[c][i]++;
}

// One subset h of the high members against all 2^low_bits subsets of the low members: the hot loop. Most
// coalitions lose, so the win test runs eight at a time (AVX2) and only winners are recorded. The test is
// rewritten against the low part: with c = hc + lc and p = hp + lp,
//   win <=> (lc >= min_count - hc and lp >= quota - hp) or lc >= count_override - hc.
static void visit_high(Tally *t, uint32_t h) {
  const int32_t hp = high_pop[h], hc = high_count[h];
  const uint32_t hs = h << low_bits;
  const int lows = 1 << low_bits;
  int l = 0;
#ifdef __AVX2__
  const __m256i need_c = _mm256_set1_epi32(game.min_count - hc - 1);
  const __m256i need_p = _mm256_set1_epi32(game.quota - hp - 1);
  const __m256i over_c = _mm256_set1_epi32(game.count_override - hc - 1);
  for (; l + 8 <= lows; l += 8) {
    __m256i lc = _mm256_load_si256((const __m256i *)(low_count + l));
    __m256i lp = _mm256_load_si256((const __m256i *)(low_pop + l));
    __m256i win = _mm256_or_si256(
        _mm256_and_si256(_mm256_cmpgt_epi32(lc, need_c), _mm256_cmpgt_epi32(lp, need_p)),
        _mm256_cmpgt_epi32(lc, over_c));
    for (unsigned m = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(win)); m; m &= m - 1) {
      int j = l + __builtin_ctz(m);
      record(t, hs | (uint32_t)j, hc + low_count[j], hp + low_pop[j]);
    }
  }
#endif
  for (; l < lows; l++)
    if (wins(hc + low_count[l], hp + low_pop[l])) record(t, hs | (uint32_t)l, hc + low_count[l], hp + low_pop[l]);
}

static void *worker(void *arg) {
  Tally *t = arg;
  const int highs = 1 << high_bits, chunk = 64;
  for (;;) {
    int start = atomic_fetch_add(&next_high, chunk);
    if (start >= highs) return NULL;
    int end = start + chunk < highs ? start + chunk : highs;
    for (int h = start; h < end; h++) visit_high(t, (uint32_t)h);
  }
}

// Population and size of every subset of `bits` members starting at `first` (bit j = member first + j).
static void subset_tables(int first, int bits, int32_t **pop, int32_t **count) {
  size_t size = (size_t)1 << bits, bytes = (size * sizeof(int32_t) + 31) / 32 * 32;
  *pop = aligned_alloc(32, bytes);
  *count = aligned_alloc(32, bytes);
  (*pop)[0] = 0, (*count)[0] = 0;
  for (size_t m = 1; m < size; m++) {
    (*pop)[m] = (*pop)[m & (m - 1)] + game.pop[first + __builtin_ctzll(m)];
    (*count)[m] = (*count)[m & (m - 1)] + 1;
  }
}

static double shapley(const uint64_t *by_size, int n) {
  // A swing in a coalition of size c is worth (c-1)!(n-c)!/n! = 1 / (n * C(n-1, c-1)).
  double sum = 0, binom = 1; // C(n-1, c-1), starting at c = 1
  for (int c = 1; c <= n; c++) {
    sum += (double)by_size[c] / (n * binom);
    binom = binom * (n - c) / c;
  }
  return sum;
}

static void print_result(const Tally *tallies, int threads, double ms) {
  const int n = game.n;
  uint64_t by_size[MAX_N][MAX_N + 1] = {{0}}, swings[MAX_N] = {0}, total = 0, winning = 0;
  for (int k = 0; k < threads; k++) {
    winning += tallies[k].winning;
    for (int i = 0; i < n; i++)
      for (int c = 0; c <= n; c++) by_size[i][c] += tallies[k].counts[c][i];
  }
  for (int i = 0; i < n; i++)
    for (int c = 0; c <= n; c++) swings[i] += by_size[i][c], total += by_size[i][c];
  printf("{\"n\":%d,\"quota\":%d,\"minCount\":%d,\"countOverride\":%d,\"threads\":%d,\"naive\":%s,", n,
         game.quota, game.min_count, game.count_override, threads, naive_mode ? "true" : "false");
  printf("\"computeMs\":%.3f,\"winning\":%llu,\"players\":[", ms, (unsigned long long)winning);
  for (int i = 0; i < n; i++) {
    printf("%s{\"id\":\"%s\",\"population\":%d,\"swings\":%llu,\"bySize\":[", i ? "," : "", game.id[i],
           game.pop[i], (unsigned long long)swings[i]);
    for (int c = 0; c <= n; c++) printf("%s%llu", c ? "," : "", (unsigned long long)by_size[i][c]);
    printf("],\"banzhaf\":%.17g,\"shapley\":%.17g}", (double)swings[i] / (double)total, shapley(by_size[i], n));
  }
  printf("]}\n");
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s populations.txt [threads] [--naive]\n", argv[0]); return 2; }
  int threads = 2;
  for (int a = 2; a < argc; a++) {
    if (strcmp(argv[a], "--naive") == 0) naive_mode = 1;
    else threads = atoi(argv[a]);
  }
  if (threads < 1 || threads > 64) { fprintf(stderr, "threads: 1..64\n"); return 2; }
  read_game(argv[1]);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0); // timed: subset tables and the enumeration
  low_bits = game.n < LOW_BITS ? game.n : LOW_BITS;
  high_bits = game.n - low_bits;
  subset_tables(0, low_bits, &low_pop, &low_count);
  subset_tables(low_bits, high_bits, &high_pop, &high_count);
  init_lanes();
  Tally *tallies = aligned_alloc(32, (size_t)threads * sizeof *tallies);
  memset(tallies, 0, (size_t)threads * sizeof *tallies);
  pthread_t tid[64];
  for (int i = 0; i < threads; i++) pthread_create(&tid[i], NULL, worker, &tallies[i]);
  for (int i = 0; i < threads; i++) pthread_join(tid[i], NULL);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  print_result(tallies, threads, (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);
  return 0;
}
