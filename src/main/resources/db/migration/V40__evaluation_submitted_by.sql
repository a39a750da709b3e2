-- Which system submitted each rating: the id of the API key (for evaluator/QR ratings, the key that issued the
-- token). Null for default ratings and for ratings stored before this column existed; their content hash is
-- unchanged because the hash includes the column only when it is set.
alter table evl_evaluation add column submitted_by bigint;
