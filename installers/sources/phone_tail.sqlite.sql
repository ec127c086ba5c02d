-- screenpop: index legacy phone numbers however they were typed (SQLite 3.31+).
-- SQLite has no regular expressions, so this cuts the extension at the first
-- x/X (ext, extn, x), # or ; and removes the separators people type
-- (space - ( ) . / + and the "e" of "ext"); letters other than those are not
-- removed. Adds virtual generated columns and an index on the tail.
-- Rename `customers`/`phone` to your table/column.
-- The identify query then reads (see installers/sources/README.md):
--   SELECT id AS customer_id, name, phone, country FROM customers WHERE phone_tail = :tail
ALTER TABLE customers ADD COLUMN phone_noext TEXT GENERATED ALWAYS AS (
    CASE WHEN instr(lower(phone), 'x') > 0 THEN substr(phone, 1, instr(lower(phone), 'x') - 1)
         WHEN instr(phone, '#') > 0 THEN substr(phone, 1, instr(phone, '#') - 1)
         WHEN instr(phone, ';') > 0 THEN substr(phone, 1, instr(phone, ';') - 1)
         ELSE phone END
) VIRTUAL;
ALTER TABLE customers ADD COLUMN phone_tail TEXT GENERATED ALWAYS AS (
    substr(replace(replace(replace(replace(replace(replace(replace(replace(replace(
        phone_noext, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '+', ''),
        'e', ''), 'E', ''), -7)
) VIRTUAL;
CREATE INDEX customers_phone_tail ON customers (phone_tail);
