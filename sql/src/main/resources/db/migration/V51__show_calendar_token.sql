-- The secret in a show's calendar feed address (/calendar/{token}.ics): calendars subscribe without a password.
-- Null until a producer asks for the feed; asking again replaces it, so an address that leaked stops working.
ALTER TABLE show ADD COLUMN calendar_token VARCHAR(64);
CREATE UNIQUE INDEX show_calendar_token_idx ON show (calendar_token);
