-- A vendor may price and quote in its own currency (a dollar vendor of a show reported in pesos): its price per second
-- and each hand-bid quote keep that currency, and planning converts them at the show's exchange rate in force on the
-- day the vendor delivers. Rows before this migration were in their show's currency.
ALTER TABLE ai_capability ADD COLUMN vendor_currency CHAR(3);
UPDATE ai_capability SET vendor_currency = (SELECT s.currency FROM show s WHERE s.id = ai_capability.show_id)
    WHERE vendor IS NOT NULL;

ALTER TABLE shot_estimate_override ADD COLUMN vendor_currency CHAR(3);
UPDATE shot_estimate_override SET vendor_currency = (
    SELECT s.currency FROM shot sh JOIN show s ON s.id = sh.show_id WHERE sh.id = shot_estimate_override.shot_id)
    WHERE vendor_cost IS NOT NULL;
ALTER TABLE shot_estimate_override ADD CONSTRAINT shot_estimate_override_quote_currency CHECK (
    (vendor_cost IS NULL AND vendor_currency IS NULL) OR (vendor_cost IS NOT NULL AND vendor_currency IS NOT NULL));
