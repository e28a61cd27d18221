/* The floor of bench/run.py: read a generated spec and take each table
 * row's minimum, nothing else. aligncheck cannot be faster than this.
 * Usage: row_min_floor FILE (prints the number of rows and a checksum). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  FILE* f = fopen(argv[1], "rb");
  if (!f) return 2;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* text = malloc((size_t)size + 1);
  if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) return 2;
  text[size] = 0;
  fclose(f);
  /* Table rows look like "  x12: y0 3.4, y1 0.7, ...": the minimum of the
   * numbers that follow an output name, in tenths. */
  long rows = 0, checksum = 0;
  for (char* line = text; line && *line;) {
    char* end = strchr(line, '\n');
    if (end) *end = 0;
    if (line[0] == ' ' && line[1] == ' ' && line[2] == 'x') {
      long best = -1;
      for (char* p = strchr(line, ':'); p && *p; ++p) {
        if (*p != ' ' || p[1] < '0' || p[1] > '9') continue;
        long tenths = strtol(p + 1, &p, 10) * 10;
        if (*p == '.') tenths += p[1] - '0', p += 2;
        if (best < 0 || tenths < best) best = tenths;
        --p;
      }
      ++rows;
      checksum += best;
    }
    line = end ? end + 1 : NULL;
  }
  printf("%ld rows, sum of minima %ld tenths\n", rows, checksum);
  free(text);
  return 0;
}
