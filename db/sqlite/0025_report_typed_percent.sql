-- A share's figure typed as a per cent ("85 %", "85,5") when the unit does not know its numerator and denominator
-- (issue 15, item 3): kept as typed, never turned into a fraction.
ALTER TABLE "report_values" ADD "Percent" TEXT NULL;
