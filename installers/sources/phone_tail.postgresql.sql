-- screenpop: index legacy phone numbers however they were typed (PostgreSQL 12+).
-- Adds customers.phone_tail = the last 7 digits of `phone`, extension cut off
-- (ext, ext., extn, x, #, ;ext=), as a stored generated column with an index.
-- Rename `customers`/`phone` to your table/column. Safe to run once; takes a
-- lock while it rewrites the table, so run it in a quiet hour.
-- The identify query then reads (see installers/sources/README.md):
--   SELECT id AS customer_id, name, phone, country FROM customers WHERE phone_tail = :tail
ALTER TABLE customers ADD COLUMN phone_tail varchar(7) GENERATED ALWAYS AS (
    right(regexp_replace(regexp_replace(phone, '(ext\.?|extn\.?|x|#|;ext=).*$', '', 'i'),
                         '[^0-9]', '', 'g'), 7)
) STORED;
CREATE INDEX customers_phone_tail ON customers (phone_tail);
