# Writes src/core/monitoring/fixtures/forecast.json: R's HoltWinters fits and forecasts, linear prediction
# intervals and exact funnel limits, the reference values src/core/monitoring/*.test.ts compare with.
# Run from the repository root: Rscript scripts/monitoring-fixtures.R (needs only base R; CI reads the JSON).
fmt <- function(x) sprintf("%.17g", x)
arr <- function(x) paste0("[", paste(fmt(x), collapse = ", "), "]")
set.seed(20261206)
series <- list(
  list(name = "trend-season-24", x = 100 + 0.8 * (1:24) + 6 * sin(2 * pi * (1:24) / 12) + rnorm(24, 0, 1.5)),
  list(name = "trend-season-36", x = 50 - 0.3 * (1:36) + 4 * cos(2 * pi * (1:36) / 12) + rnorm(36, 0, 1)),
  list(name = "noisy-48", x = 20 + 3 * sin(2 * pi * (1:48) / 12) + rnorm(48, 0, 2)),
  list(name = "co2-60", x = as.numeric(co2[1:60])),
  list(name = "nottem-36", x = as.numeric(nottem[1:36])),
  list(name = "log-airpassengers-48", x = as.numeric(log(AirPassengers)[1:48]))
)
hw <- lapply(series, function(s) {
  fit <- HoltWinters(ts(s$x, frequency = 12))
  p <- predict(fit, n.ahead = 12, prediction.interval = TRUE, level = 0.95)
  paste0('    {"name": "', s$name, '", "x": ', arr(s$x), ', "alpha": ', fmt(fit$alpha), ', "beta": ', fmt(fit$beta),
    ', "gamma": ', fmt(fit$gamma), ', "sse": ', fmt(fit$SSE), ', "fit": ', arr(p[, "fit"]), ', "upper": ',
    arr(p[, "upr"]), ', "lower": ', arr(p[, "lwr"]), "}")
})
lin <- lapply(list(c(1, 2, 3, 5), c(4.1, 3.9, 4.4, 4.8, 5.2, 5.1, 5.9), c(80, 82, 79, 85, 88, 86, 90, 91, 95)), function(y) {
  t <- seq_along(y)
  p <- predict(lm(y ~ t), newdata = data.frame(t = length(y) + 1:3), interval = "prediction", level = 0.95)
  paste0('    {"y": ', arr(y), ', "fit": ', arr(p[, "fit"]), ', "lower": ', arr(p[, "lwr"]), ', "upper": ', arr(p[, "upr"]), "}")
})
# Spiegelhalter (2005), Appendix A.1.1: the interpolated exact limit.
limit <- function(kind, theta, n, p) {
  if (kind == "proportion") { r <- qbinom(p, n, theta); F <- function(r) pbinom(r, n, theta) }
  else { r <- qpois(p, theta * n); F <- function(r) ppois(r, theta * n) }
  a <- (F(r) - p) / (F(r) - F(r - 1))
  (r - a) / n
}
cases <- expand.grid(kind = c("proportion", "rate"), theta = c(0.02, 0.1, 0.35), n = c(20, 100, 1000, 25000),
  p = c(0.001, 0.025, 0.975, 0.999), stringsAsFactors = FALSE)
fun <- apply(cases, 1, function(c) paste0('    {"kind": "', c[["kind"]], '", "theta": ', c[["theta"]], ', "n": ', as.numeric(c[["n"]]),
  ', "p": ', c[["p"]], ', "limit": ', fmt(limit(c[["kind"]], as.numeric(c[["theta"]]), as.numeric(c[["n"]]), as.numeric(c[["p"]]))), "}"))
out <- c("{", paste0('  "r": "', R.version.string, '",'), '  "holtWinters": [', paste(hw, collapse = ",\n"), "  ],",
  '  "linear": [', paste(lin, collapse = ",\n"), "  ],", '  "funnel": [', paste(fun, collapse = ",\n"), "  ]", "}")
writeLines(out, "src/core/monitoring/fixtures/forecast.json")
