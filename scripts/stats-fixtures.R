# Golden fixtures for src/core/stats: R's own results for every test and interval, written as JSON to
# src/core/stats/fixtures/. Run from the repository root when a test's cases change:
#
#   Rscript scripts/stats-fixtures.R && npx biome format --write src/core/stats/fixtures
#
# Needs R (Debian r-base-core) with the sandwich and lmtest packages (r-cran-sandwich, r-cran-lmtest); the
# fixtures are committed, so the tests (src/core/stats/r-fixtures.test.ts) need no R. Cases are fixed or
# drawn with set.seed, so a rerun writes the same files on the same R version.
suppressPackageStartupMessages({ library(sandwich); library(lmtest) })
out_dir <- file.path("src", "core", "stats", "fixtures")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

# A minimal JSON writer (jsonlite is not a Debian base package): numbers with 17 significant digits,
# Inf as the string "Infinity".
num <- function(v) {
  if (is.infinite(v)) return(if (v > 0) '"Infinity"' else '"-Infinity"')
  if (is.na(v)) stop("NA in a fixture")
  sprintf("%.17g", v)
}
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      parts <- vapply(names(x), function(k) paste0('"', k, '": ', to_json(x[[k]])), "")
      return(paste0("{", paste(parts, collapse = ", "), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json, ""), collapse = ", "), "]"))
  }
  if (is.character(x)) return(if (length(x) == 1) paste0('"', x, '"') else paste0("[", paste0('"', x, '"', collapse = ", "), "]"))
  if (is.logical(x)) return(if (length(x) == 1) tolower(as.character(x)) else paste0("[", paste(tolower(as.character(x)), collapse = ", "), "]"))
  if (is.matrix(x)) return(paste0("[", paste(apply(x, 1, function(r) paste0("[", paste(vapply(r, num, ""), collapse = ", "), "]")), collapse = ", "), "]"))
  if (length(x) == 1 && is.null(attr(x, "vector"))) return(num(x))
  paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")
}
# Marks a value as an array even when it has one element.
vec <- function(x) { attr(x, "vector") <- TRUE; x }
write_fixture <- function(name, source, cases) {
  body <- paste0('{"source": "', source, '", "r": "', R.version.string, '",\n "cases": [\n  ',
                 paste(vapply(cases, to_json, ""), collapse = ",\n  "), "\n ]}\n")
  writeLines(body, file.path(out_dir, paste0(name, ".json")), useBytes = TRUE)
  cat(name, length(cases), "cases\n")
}
strip <- function(v) as.vector(unname(v))

set.seed(20261206)

# two-proportion: prop.test(x, n, correct), both corrections.
pairs <- list(c(83, 90, 86, 93), c(15, 25, 50, 50), c(0, 5, 40, 40), c(40, 3, 40, 40), c(1, 0, 10, 12),
              c(5, 9, 12, 11), c(140, 255, 200, 340), c(28, 36, 254, 301), c(5120, 5300, 10000, 10000),
              c(1, 30, 1000, 1000), c(999, 990, 1000, 1000), c(7, 7, 20, 20), c(300000, 301500, 1e6, 1e6),
              c(2, 60, 100, 100), c(10, 400, 500, 500))
for (i in 1:8) { n <- sample(5:5000, 2); pairs[[length(pairs) + 1]] <- c(rbinom(1, n[1], 0.3), rbinom(1, n[2], 0.35), n) }
cases <- list()
for (q in pairs) for (correct in c(TRUE, FALSE)) {
  r <- suppressWarnings(prop.test(q[1:2], q[3:4], correct = correct))
  cases[[length(cases) + 1]] <- list(input = list(x = vec(q[1:2]), n = vec(q[3:4]), correct = correct),
    expected = list(statistic = strip(r$statistic), p = r$p.value, ci = vec(strip(r$conf.int)), estimate = vec(strip(r$estimate))))
}
write_fixture("two-proportion", "prop.test(x, n, correct)", cases)

# chi-square: chisq.test(table, correct), 2x2 and larger.
tables <- list(matrix(c(12, 7, 5, 9), 2), matrix(c(0, 10, 5, 5), 2), matrix(c(100, 120, 80, 60), 2),
               matrix(c(3, 1, 1, 3), 2), matrix(c(20, 20, 20, 20), 2), matrix(c(1, 2, 3, 4, 5, 6), 2),
               matrix(c(10, 20, 30, 40, 50, 60, 70, 80, 91), 3), matrix(c(500, 10, 480, 40), 2),
               matrix(c(2, 0, 0, 2, 1, 1), 3), matrix(c(1000, 1, 1, 1000), 2), matrix(c(5, 15, 25, 35, 45, 55, 65, 10), 2),
               matrix(c(120, 90, 40, 35, 60, 25, 20, 30, 50, 10, 12, 8), 3),
               # extreme tails: df 1, 3 (odd: the series of positive terms) and 4
               matrix(c(300, 30, 20, 280), 2), matrix(c(100, 5, 80, 10, 10, 90, 5, 120), 2),
               matrix(c(200, 10, 5, 20, 180, 10, 15, 5, 250), 3))
for (i in 1:10) { r <- sample(2:4, 1); c <- sample(2:5, 1); tables[[length(tables) + 1]] <- matrix(rpois(r * c, sample(c(3, 30, 300), 1)) + 1, r) }
cases <- list()
for (t in tables) for (correct in c(TRUE, FALSE)) {
  r <- suppressWarnings(chisq.test(t, correct = correct))
  cases[[length(cases) + 1]] <- list(input = list(table = t, correct = correct),
    expected = list(statistic = strip(r$statistic), df = strip(r$parameter), p = r$p.value))
}
write_fixture("chi-square", "chisq.test(table, correct)", cases)

# fisher: fisher.test(table) for 2x2 (p, conditional MLE odds ratio, 95 % and 90 % intervals).
tables <- list(matrix(c(3, 1, 1, 3), 2), matrix(c(0, 5, 5, 0), 2), matrix(c(10, 0, 2, 8), 2),
               matrix(c(1, 9, 11, 3), 2), matrix(c(0, 0, 3, 4), 2), matrix(c(5, 5, 5, 5), 2),
               matrix(c(100, 80, 60, 90), 2), matrix(c(2, 30, 25, 3), 2), matrix(c(7, 12, 8, 11), 2),
               matrix(c(1, 200, 300, 1), 2), matrix(c(40, 1, 1, 40), 2), matrix(c(0, 12, 0, 9), 2),
               matrix(c(6, 0, 0, 0), 2), matrix(c(1, 1, 1, 0), 2))
for (i in 1:10) tables[[length(tables) + 1]] <- matrix(rpois(4, sample(c(2, 10, 60), 1)), 2)
cases <- list()
for (t in tables) for (level in c(0.95, 0.9)) {
  r <- fisher.test(t, conf.level = level)
  cases[[length(cases) + 1]] <- list(input = list(table = t, level = level),
    expected = list(p = r$p.value, oddsRatio = strip(r$estimate), ci = vec(strip(r$conf.int))))
}
write_fixture("fisher", "fisher.test(table, conf.level)", cases)

# poisson-rate: poisson.test(c(x1, x2), c(t1, t2)).
pairs <- list(c(11, 23, 800, 1083), c(0, 5, 100, 100), c(5, 0, 100, 100), c(1, 1, 1, 1), c(10, 20, 1000, 1000),
              c(137, 98, 12000.5, 11800), c(3, 30, 2.5, 3), c(1000, 1200, 5e5, 5e5), c(2, 9, 365, 365),
              c(50, 50, 1000, 2000), c(0, 1, 10, 1000), c(7, 3, 0.5, 0.75),
              c(5, 200, 100, 100), c(400, 100, 1000, 1000))
for (i in 1:10) { t <- runif(2, 10, 5000); pairs[[length(pairs) + 1]] <- c(rpois(1, t[1] * 0.01), rpois(1, t[2] * 0.013), t) }
cases <- list()
for (q in pairs) {
  r <- poisson.test(q[1:2], q[3:4])
  cases[[length(cases) + 1]] <- list(input = list(x = vec(q[1:2]), t = vec(q[3:4])),
    expected = list(p = r$p.value, rateRatio = strip(r$estimate), ci = vec(strip(r$conf.int))))
}
write_fixture("poisson-rate", "poisson.test(x, T)", cases)

# welch: t.test(a, b).
samples <- list(list(c(19.1, 20.3, 18.7, 21.0), c(22.4, 23.1, 21.8, 24.0, 22.9)), list(c(1, 2), c(3, 5)),
                list(c(0, 0, 0, 1), c(0, 1, 1, 1)), list(c(100, 101, 102), c(100, 101, 102)),
                list(c(1e6 + 1:5), c(1e6 + 3:9)))
for (i in 1:17) {
  na <- sample(c(2:12, 30, 100), 1); nb <- sample(c(2:12, 40, 200), 1)
  samples[[length(samples) + 1]] <- list(round(rnorm(na, 50, sample(c(1, 5, 20), 1)), 2), round(rnorm(nb, 50 + sample(c(0, 2, 10, 40), 1), sample(c(1, 5, 20), 1)), 2))
}
cases <- list()
for (s in samples) for (level in c(0.95)) {
  r <- t.test(s[[1]], s[[2]], conf.level = level)
  cases[[length(cases) + 1]] <- list(input = list(a = vec(s[[1]]), b = vec(s[[2]]), level = level),
    expected = list(statistic = strip(r$statistic), df = strip(r$parameter), p = r$p.value, ci = vec(strip(r$conf.int)), estimate = vec(strip(r$estimate))))
}
write_fixture("welch", "t.test(a, b, conf.level)", cases)

# mann-whitney: wilcox.test(a, b, correct, exact) — exact small samples, ties, large samples.
samples <- list(list(c(1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3), c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)),
                list(c(0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46), c(1.15, 0.88, 0.9, 0.74, 1.21)),
                list(c(1), c(2)), list(c(1, 2, 3), c(4, 5, 6)), list(c(5, 6, 7), c(1, 2, 3, 4)),
                list(c(1, 1, 1, 2), c(2, 2, 3, 3)), list(1:49, 50:97))
for (i in 1:9) {
  na <- sample(c(3:15, 25, 49), 1); nb <- sample(c(3:15, 30, 48), 1)
  samples[[length(samples) + 1]] <- list(rnorm(na), rnorm(nb, sample(c(0, 0.5, 2), 1)))
}
for (i in 1:4) samples[[length(samples) + 1]] <- list(sample(1:6, sample(8:20, 1), TRUE), sample(2:7, sample(8:20, 1), TRUE))
for (i in 1:3) samples[[length(samples) + 1]] <- list(rnorm(sample(50:120, 1)), rnorm(sample(50:90, 1), 0.3))
cases <- list()
for (s in samples) for (correct in c(TRUE, FALSE)) {
  r <- suppressWarnings(wilcox.test(s[[1]], s[[2]], correct = correct))
  cases[[length(cases) + 1]] <- list(input = list(a = vec(s[[1]]), b = vec(s[[2]]), correct = correct),
    expected = list(statistic = strip(r$statistic), p = r$p.value, method = if (grepl("exact", r$method)) "exact" else "normal"))
}
r <- suppressWarnings(wilcox.test(c(1.1, 2.2, 3.3, 4.4), c(0.5, 6.6, 7.7), exact = FALSE))
cases[[length(cases) + 1]] <- list(input = list(a = vec(c(1.1, 2.2, 3.3, 4.4)), b = vec(c(0.5, 6.6, 7.7)), correct = TRUE, exact = FALSE),
  expected = list(statistic = strip(r$statistic), p = r$p.value, method = "normal"))
write_fixture("mann-whitney", "wilcox.test(a, b, correct, exact)", cases)

# mann-kendall: cor.test(seq_along(y), y, method = "kendall", exact = FALSE, continuity = TRUE); Sen's slope
# as the median of the pairwise slopes; S = Σ sign(y_j − y_i).
series <- list(c(1, 3, 2, 5, 4, 6, 8, 7), c(5, 4, 3, 2, 1), c(1, 1, 2, 2, 3, 3), c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5),
               c(10, 10, 10, 11), c(0, 0, 1, 0, 0), c(2, 1, 2, 1, 2, 1, 2), 1:100 + 0.5 * sin(1:100))
for (i in 1:8) { n <- sample(c(6:30, 60, 120), 1); series[[length(series) + 1]] <- round(sample(c(0, 0.05, 0.3), 1) * (1:n) + rnorm(n), 1) }
for (i in 1:6) { n <- sample(8:40, 1); series[[length(series) + 1]] <- sample(0:4, n, TRUE) + (1:n) %/% 10 }
cases <- list()
for (y in series) {
  t <- seq_along(y)
  r <- cor.test(t, y, method = "kendall", exact = FALSE, continuity = TRUE)
  S <- 0; slopes <- c()
  for (i in 1:(length(y) - 1)) for (j in (i + 1):length(y)) { S <- S + sign(y[j] - y[i]); slopes <- c(slopes, (y[j] - y[i]) / (j - i)) }
  cases[[length(cases) + 1]] <- list(input = list(y = vec(y)),
    expected = list(statistic = S, p = r$p.value, tau = strip(r$estimate), senSlope = median(slopes)))
}
write_fixture("mann-kendall", "cor.test(t, y, method = 'kendall', exact = FALSE, continuity = TRUE); median(slopes)", cases)

# its: lm(y ~ t + D + P [+ factor(season)]) with NeweyWest(fit, lag, prewhite = FALSE) and coeftest/coefci.
its_case <- function(y, k, lag, season = 1, level = 0.95) {
  n <- length(y); t <- 1:n; D <- as.numeric(t > k); P <- (t - k) * D
  fit <- if (season > 1) { s <- factor((t - 1) %% season); lm(y ~ t + D + P + s) } else lm(y ~ t + D + P)
  V <- NeweyWest(fit, lag = lag, prewhite = FALSE)
  ct <- coeftest(fit, vcov. = V); ci <- coefci(fit, vcov. = V, level = level)
  list(input = list(y = vec(y), intervention = k, lag = lag, seasonPeriod = season, level = level),
       expected = list(levelChange = ct["D", 1], slopeChange = ct["P", 1], se = vec(c(ct["D", 2], ct["P", 2])),
                       p = vec(c(ct["D", 4], ct["P", 4])), ciLevel = vec(ci["D", ]), ciSlope = vec(ci["P", ]), df = fit$df.residual))
}
cases <- list()
for (i in 1:16) {
  n <- sample(c(12, 24, 36, 48, 60, 100, 150), 1); k <- sample(3:(n - 3), 1)
  lag <- sample(c(0, 1, 2, 3, floor(4 * (n / 100)^(2 / 9))), 1)
  t <- 1:n; ar <- sample(c(0, 0.3, 0.6), 1)
  e <- as.numeric(arima.sim(if (ar > 0) list(ar = ar) else list(), n))
  y <- round(50 + 0.2 * t + sample(c(0, 3, 10), 1) * (t > k) + sample(c(0, 0.1, -0.2), 1) * pmax(0, t - k) + 2 * e, 2)
  cases[[length(cases) + 1]] <- its_case(y, k, lag)
}
for (i in 1:6) {
  n <- sample(c(36, 48, 60), 1); k <- sample(12:(n - 12), 1); t <- 1:n
  y <- round(100 + 0.3 * t + 5 * sin(2 * pi * t / 12) + 4 * (t > k) + rnorm(n), 2)
  cases[[length(cases) + 1]] <- its_case(y, k, sample(0:3, 1), season = sample(c(4, 12), 1), level = sample(c(0.95, 0.9), 1))
}
write_fixture("its", "lm(y ~ t + D + P [+ season]); coeftest(fit, NeweyWest(fit, lag, prewhite = FALSE))", cases)

# bh: p.adjust(p, "BH").
cases <- list()
fixed <- list(c(0.01, 0.04, 0.03, 0.5), c(0.05), c(0, 1), c(0.02, 0.02, 0.02), c(1e-12, 1e-10, 0.3, 0.9, 0.001))
for (p in fixed) cases[[length(cases) + 1]] <- list(input = list(p = vec(p)), expected = list(adjusted = vec(p.adjust(p, "BH"))))
for (i in 1:17) {
  p <- signif(c(runif(sample(1:30, 1)), runif(sample(0:5, 1), 0, 1e-4)), 6)
  cases[[length(cases) + 1]] <- list(input = list(p = vec(p)), expected = list(adjusted = vec(p.adjust(p, "BH"))))
}
write_fixture("bh", "p.adjust(p, 'BH')", cases)

# intervals: Wilson (prop.test correct = FALSE), Clopper–Pearson (binom.test), exact Poisson (poisson.test).
counts <- list(c(0, 1), c(1, 1), c(0, 20), c(20, 20), c(7, 20), c(1, 1000), c(999, 1000), c(50, 100), c(3, 7),
               c(123456, 1e6), c(2, 3), c(10, 10000))
for (i in 1:10) { n <- sample(c(5, 30, 200, 5000), 1); counts[[length(counts) + 1]] <- c(rbinom(1, n, runif(1)), n) }
for (name in c("wilson", "clopper-pearson")) {
  cases <- list()
  for (q in counts) for (level in c(0.95, 0.99)) {
    ci <- if (name == "wilson") suppressWarnings(prop.test(q[1], q[2], correct = FALSE, conf.level = level))$conf.int else binom.test(q[1], q[2], conf.level = level)$conf.int
    cases[[length(cases) + 1]] <- list(input = list(x = q[1], n = q[2], level = level), expected = list(ci = vec(strip(ci))))
  }
  write_fixture(name, if (name == "wilson") "prop.test(x, n, correct = FALSE)$conf.int" else "binom.test(x, n)$conf.int", cases)
}
rates <- list(c(0, 1), c(1, 1), c(10, 1000), c(0, 365.25), c(3, 0.5), c(100, 2e4), c(5000, 1e6), c(1, 10), c(25, 12))
for (i in 1:13) { t <- runif(1, 1, 1e5); rates[[length(rates) + 1]] <- c(rpois(1, t * sample(c(1e-4, 1e-3, 0.02), 1)), t) }
cases <- list()
for (q in rates) for (level in c(0.95, 0.9)) {
  cases[[length(cases) + 1]] <- list(input = list(x = q[1], t = q[2], level = level), expected = list(ci = vec(strip(poisson.test(q[1], q[2], conf.level = level)$conf.int))))
}
write_fixture("poisson-interval", "poisson.test(x, T)$conf.int", cases)
