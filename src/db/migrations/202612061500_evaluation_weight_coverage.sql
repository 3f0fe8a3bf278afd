-- The evaluation JSON names its coverage `weightCoverage` (the share of the total weight backed by data, which
-- the minimum-coverage rule reads) and says whether the total was withheld as "insufficient data". Frozen
-- evaluations published before take the new names: nothing they show changes (no minimum held then).
update publication_result
set evaluation = (evaluation - 'coverage')
  || jsonb_build_object(
    'weightCoverage', evaluation -> 'coverage',
    'minimumCoverage', 0,
    'insufficientData', false
  )
where evaluation ? 'coverage' and not evaluation ? 'weightCoverage';
