"""Network tambons (ตำบลในเครือข่าย): tier, plan coverage, selection criteria, TAO integration, villages."""
