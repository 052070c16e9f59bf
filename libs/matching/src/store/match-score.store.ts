import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, CommonException } from '@cc/graphql';
import { MatchResult } from '../scoring/match-result';
import { col, insertJsonRows } from './json-rows';

/** The scored pairs the worker keeps: a project's makers and a product's outlets. */
export enum MatchKind {
  PROJECT_MANUFACTURER = 'PROJECT_MANUFACTURER',
  PRODUCT_OUTLET = 'PRODUCT_OUTLET',
}

export interface ScoredPair {
  subjectId: string;
  candidateId: string;
  result: MatchResult;
}

export interface RankedRow {
  /** The other side's id: the candidate when paging a subject, the subject when paging a candidate. */
  id: string;
  result: MatchResult;
  cursor: string;
}

export interface RankedPage {
  rows: RankedRow[];
  hasNextPage: boolean;
  /** Whether any row ranks at or above the `after` cursor (false without one). */
  hasPreviousPage: boolean;
  totalCount: number;
}

const COLUMNS = {
  kind: col.text('kind'),
  subject_id: col.uuid('subjectId'),
  candidate_id: col.uuid('candidateId'),
  score: col.float('score'),
  excluded: col.bool('excluded'),
  components: col.json('components'),
  reasons: col.json('reasons'),
  computed_at: 'now()',
};

interface ScoreRow {
  other_id: string;
  score: number;
  excluded: boolean;
  components: MatchResult['components'];
  reasons: MatchResult['reasons'];
}

/**
 * Precomputed scores. A refresh replaces all pairs of one subject (or of one candidate) in one
 * transaction, so readers see the old set or the new one, never half. Reads page best first:
 * score descending, then id ascending (the deterministic tie-break).
 */
@Injectable()
export class MatchScoreStore {
  constructor(private readonly db: DataSource) {}

  async replace(
    kind: MatchKind,
    side: 'subject' | 'candidate',
    id: string,
    pairs: readonly ScoredPair[],
  ): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`DELETE FROM match_score WHERE kind = $1 AND ${side}_id = $2`, [
        kind,
        id,
      ]);
      await insertJsonRows(
        manager,
        'match_score',
        COLUMNS,
        pairs.map((pair) => ({ kind, ...pair, ...pair.result })),
        ['kind', 'subject_id', 'candidate_id'],
      );
    });
  }

  async removeAll(kind: MatchKind, side: 'subject' | 'candidate', id: string): Promise<void> {
    await this.db.query(`DELETE FROM match_score WHERE kind = $1 AND ${side}_id = $2`, [kind, id]);
  }

  /** Drops pairs whose subject or candidate matching no longer knows (after a rebuild). */
  async removeOrphans(): Promise<void> {
    await this.db.query(
      `DELETE FROM match_score s WHERE
         (s.kind = '${MatchKind.PROJECT_MANUFACTURER}' AND (
           NOT EXISTS (SELECT 1 FROM match_project p WHERE p.id = s.subject_id AND p.open)
           OR NOT EXISTS (SELECT 1 FROM match_manufacturer m WHERE m.organization_id = s.candidate_id)))
         OR (s.kind = '${MatchKind.PRODUCT_OUTLET}' AND (
           NOT EXISTS (SELECT 1 FROM match_product p WHERE p.id = s.subject_id)
           OR NOT EXISTS (SELECT 1 FROM match_outlet o WHERE o.id = s.candidate_id)))`,
    );
  }

  /**
   * One page of a subject's candidates (or a candidate's subjects), excluded pairs left out.
   * `onlyOpenProjects` keeps a maker's feed to projects still open for bids.
   */
  async page(
    kind: MatchKind,
    side: 'subject' | 'candidate',
    id: string,
    first: number,
    after?: string,
    onlyOpenProjects = false,
  ): Promise<RankedPage> {
    const other = side === 'subject' ? 'candidate_id' : 'subject_id';
    const openJoin = onlyOpenProjects
      ? `JOIN match_project p ON p.id = s.subject_id AND p.open`
      : '';
    const base = `FROM match_score s ${openJoin}
      WHERE s.kind = $1 AND s.${side}_id = $2 AND NOT s.excluded`;
    const params: unknown[] = [kind, id];
    let keyset = '';
    let ahead = 'false';
    if (after) {
      const [score, afterId] = decodeCursor(after);
      if (typeof score !== 'number') throw CommonException.invalidCursor();
      params.push(score, afterId);
      keyset = `AND (s.score < $3 OR (s.score = $3 AND s.${other} > $4::uuid))`;
      ahead = `(s.score > $3 OR (s.score = $3 AND s.${other} <= $4::uuid))`;
    }
    const rows = await this.db.query<ScoreRow[]>(
      `SELECT s.${other} AS other_id, s.score, s.excluded, s.components, s.reasons
       ${base} ${keyset}
       ORDER BY s.score DESC, s.${other} ASC LIMIT ${first + 1}`,
      params,
    );
    // The count and whether anything ranks above the cursor, in one pass over the same rows.
    const [{ count, previous }] = await this.db.query<{ count: string; previous: boolean }[]>(
      `SELECT count(*) AS count, coalesce(bool_or(${ahead}), false) AS previous ${base}`,
      params,
    );
    return {
      rows: rows.slice(0, first).map((row) => ({
        id: row.other_id,
        result: {
          score: row.score,
          excluded: row.excluded,
          components: row.components,
          reasons: row.reasons,
        },
        cursor: encodeCursor([row.score, row.other_id]),
      })),
      hasNextPage: rows.length > first,
      hasPreviousPage: previous,
      totalCount: Number(count),
    };
  }
}
