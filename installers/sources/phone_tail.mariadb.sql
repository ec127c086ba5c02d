-- screenpop: index legacy phone numbers however they were typed (MariaDB 10.2+, MySQL 8).
-- Adds customers.phone_tail = the last 7 digits of `phone`, extension cut off
-- (ext, ext., extn, x, #, ;ext=), as a stored generated column with an index.
-- Rename `customers`/`phone` to your table/column.
-- The identify query then reads (see installers/sources/README.md):
--   SELECT id AS customer_id, name, phone, country FROM customers WHERE phone_tail = :tail
ALTER TABLE customers
    ADD COLUMN phone_tail VARCHAR(7) AS (
        RIGHT(REGEXP_REPLACE(REGEXP_REPLACE(phone, '(?i)(ext\\.?|extn\\.?|x|#|;ext=).*$', ''),
                             '[^0-9]', ''), 7)
    ) STORED,
    ADD INDEX customers_phone_tail (phone_tail);
