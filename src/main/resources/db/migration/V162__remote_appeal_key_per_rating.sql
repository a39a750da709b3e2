-- A lower platform's appeal decision is recognised by (platform, appeal number, rating), not by (platform, appeal
-- number) alone: a city relays its own decisions and its counties' decisions under its own app id, and their appeal
-- numbers come from different databases, so the same number can stand for two decisions about two ratings. The rating
-- tells them apart; a re-send of one decision about one rating is still a duplicate.
alter table rct_remote_appeal drop constraint rct_remote_appeal_pkey;
alter table rct_remote_appeal add primary key (peer, appeal_no, evaluation_id);
