package org.hcp.evaluation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tamper-evident seal. New ratings are sealed into numbered blocks; a block's digest is SM3 over the previous
 * block's digest, its number, and the (id, content hash) of each of its ratings in id order — so changing, removing
 * or re-hashing any sealed rating breaks its block and every block after it. The head digest is published.
 */
@Service
public class Seals {

	static final byte[] GENESIS = ContentHash.sm3("hcp-evaluation-chain-genesis".getBytes(StandardCharsets.UTF_8));
	private static final int MAX_BLOCK = 20_000;

	/**
	 * Sealing looks for unsealed ratings only above the highest sealed id minus this margin; a transaction that
	 * stays open while this many later ratings get sealed would be missed here — and reported by verify().
	 */
	private static final int LATE_COMMIT_MARGIN = 100_000;

	private final JdbcClient jdbc;
	private final EvaluationStore store;

	Seals(JdbcClient jdbc, EvaluationStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/** Seals every rating not sealed yet into new blocks; returns how many were sealed. */
	@Transactional
	public int sealPending(Instant now) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('hcp-evaluation-seal'))").query().singleRow();
		int sealed = 0;
		List<Link> batch;
		do {
			batch = unsealed();
			if (!batch.isEmpty()) {
				seal(batch, now);
				sealed += batch.size();
			}
		}
		while (batch.size() == MAX_BLOCK);
		return sealed;
	}

	/** The latest block; O(1) for the public head: each block carries the running total (set by the database). */
	public Optional<Head> head() {
		return jdbc.sql("""
				select b.block_no, b.digest, b.sealed_at, b.ratings_total
				from evl_seal_block b order by b.block_no desc limit 1""")
			.query((rs, i) -> new Head(rs.getLong(1), HexFormat.of().formatHex(rs.getBytes(2)),
					rs.getTimestamp(3).toInstant(), rs.getLong(4)))
			.optional();
	}

	/**
	 * Recomputes every rating's hash and every block's digest; reports the first that no longer matches. All reads
	 * see one snapshot, so blocks sealed while it runs are not mistaken for tampering.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		Verifier v = new Verifier(blocks());
		store.forEachInOrder(s -> v.rating(s.id(), s.recomputedHash(), s.storedHash(), s.record().caseNo()));
		jdbc.sql("select evaluation_id, block_no from evl_seal_link order by block_no, evaluation_id")
			.query(rs -> {
				v.link(rs.getLong(1), rs.getLong(2));
			});
		return v.finish(head().orElse(null));
	}

	private List<Link> unsealed() {
		return jdbc.sql("""
				select e.id, e.content_hash from evl_evaluation e
				where e.id > (select coalesce(max(evaluation_id), 0) - :margin from evl_seal_link)
				  and not exists (select 1 from evl_seal_link l where l.evaluation_id = e.id)
				order by e.id limit :max""")
			.param("margin", LATE_COMMIT_MARGIN)
			.param("max", MAX_BLOCK)
			.query((rs, i) -> new Link(rs.getLong(1), rs.getBytes(2)))
			.list();
	}

	private void seal(List<Link> links, Instant now) {
		Optional<Head> head = head();
		long blockNo = head.map(h -> h.blockNo() + 1).orElse(1L);
		byte[] prev = head.map(h -> HexFormat.of().parseHex(h.digest())).orElse(GENESIS);
		byte[] digest = digest(prev, blockNo, links);
		jdbc.sql("""
				insert into evl_seal_block(block_no, prev_digest, digest, ratings, first_id, last_id, sealed_at)
				values (:no, :prev, :digest, :n, :first, :last, :now)""")
			.param("no", blockNo)
			.param("prev", prev)
			.param("digest", digest)
			.param("n", links.size())
			.param("first", links.get(0).id())
			.param("last", links.get(links.size() - 1).id())
			.param("now", Timestamp.from(now))
			.update();
		jdbc.sql("insert into evl_seal_link(evaluation_id, block_no) select unnest(:ids), :no")
			.param("ids", links.stream().map(Link::id).toArray(Long[]::new))
			.param("no", blockNo)
			.update();
	}

	static byte[] digest(byte[] prev, long blockNo, List<Link> links) {
		SM3Digest sm3 = new SM3Digest();
		sm3.update(prev, 0, prev.length);
		byte[] number = ByteBuffer.allocate(8).putLong(blockNo).array();
		sm3.update(number, 0, 8);
		for (Link link : links) {
			byte[] id = ByteBuffer.allocate(8).putLong(link.id()).array();
			sm3.update(id, 0, 8);
			sm3.update(link.hash(), 0, link.hash().length);
		}
		byte[] out = new byte[sm3.getDigestSize()];
		sm3.doFinal(out, 0);
		return out;
	}

	private Map<Long, StoredBlock> blocks() {
		Map<Long, StoredBlock> blocks = new LinkedHashMap<>();
		jdbc.sql("select block_no, prev_digest, digest from evl_seal_block order by block_no")
			.query(rs -> {
				blocks.put(rs.getLong(1), new StoredBlock(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
			});
		return blocks;
	}

	record Link(long id, byte[] hash) {
	}

	record StoredBlock(long blockNo, byte[] prev, byte[] digest) {
	}

	/** The latest block: its number and digest, when it was sealed, and how many ratings are sealed in all. */
	public record Head(long blockNo, String digest, Instant sealedAt, long ratingsSealed) {
	}

	/** The verification report. Null fields: nothing wrong of that kind. */
	public record Verification(boolean intact, long ratingsChecked, long blocksChecked, long unsealedRatings,
			Problem firstAlteredRating, Problem firstBrokenBlock, Head head) {
	}

	/** Where verification found a mismatch, and what. */
	public record Problem(long id, String caseNo, String reason) {
	}

	/** Walks ratings and links once each, recomputing block digests from the recomputed rating hashes. */
	private static final class Verifier {

		private final Map<Long, StoredBlock> blocks;
		private final Map<Long, byte[]> recomputed = new java.util.HashMap<>();
		private final java.util.Set<Long> linked = new java.util.HashSet<>();
		private long ratings;
		private long blocksChecked;
		private Problem firstAltered;
		private Problem firstBroken;
		private long currentBlock = -1;
		private final java.util.List<Link> currentLinks = new java.util.ArrayList<>();
		private byte[] prev = GENESIS;

		Verifier(Map<Long, StoredBlock> blocks) {
			this.blocks = blocks;
		}

		void rating(long id, byte[] computed, byte[] stored, String caseNo) {
			ratings++;
			recomputed.put(id, computed);
			if (firstAltered == null && !Arrays.equals(computed, stored)) {
				firstAltered = new Problem(id, caseNo, "内容与存证哈希不符 / content does not match its stored hash");
			}
		}

		void link(long evaluationId, long blockNo) {
			if (blockNo != currentBlock) {
				closeBlock();
				currentBlock = blockNo;
			}
			linked.add(evaluationId);
			byte[] hash = recomputed.get(evaluationId);
			if (hash == null) {
				breakAt(blockNo, "封存的评价 " + evaluationId + " 已不存在 / sealed rating " + evaluationId + " is missing");
				hash = new byte[32];
			}
			currentLinks.add(new Link(evaluationId, hash));
		}

		private void closeBlock() {
			if (currentBlock < 0) {
				return;
			}
			blocksChecked++;
			StoredBlock stored = blocks.get(currentBlock);
			byte[] expected = digest(prev, currentBlock, currentLinks);
			if (stored == null) {
				breakAt(currentBlock, "区块记录缺失 / block record is missing");
			}
			else if (!Arrays.equals(stored.prev(), prev) || !Arrays.equals(stored.digest(), expected)) {
				breakAt(currentBlock, "区块摘要不符 / block digest does not match its ratings");
			}
			prev = stored == null ? expected : stored.digest();
			currentLinks.clear();
		}

		private void breakAt(long blockNo, String reason) {
			if (firstBroken == null) {
				firstBroken = new Problem(blockNo, null, reason);
			}
		}

		Verification finish(Head head) {
			closeBlock();
			if (blocksChecked < blocks.size() && firstBroken == null) {
				firstBroken = new Problem(blocksChecked + 1, null, "区块没有任何封存记录 / block has no sealed ratings");
			}
			long unsealed = recomputed.keySet().stream().filter(id -> !linked.contains(id)).count();
			return new Verification(firstAltered == null && firstBroken == null, ratings, blocksChecked, unsealed,
					firstAltered, firstBroken, head);
		}
	}
}
