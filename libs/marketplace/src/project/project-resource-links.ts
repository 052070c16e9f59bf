import { EntityManager } from 'typeorm';

/** The foreign key that holds a linked resource in the project's city (ProjectCulturalResource migration). */
export const RESOURCE_LINK_CONSTRAINT = 'FK_project_cultural_resource_resource';

/**
 * Makes the project's links exactly `resourceIds`, in that order, in one statement: links no
 * longer listed go, the rest are inserted or re-positioned. A resource that is missing or of
 * another city fails RESOURCE_LINK_CONSTRAINT, which also waits for (or outlasts) a concurrent
 * catalog delete or move, so no lock is taken here.
 */
export async function replaceResourceLinks(
  manager: EntityManager,
  project: { id: string; cityId: string },
  resourceIds: readonly string[],
): Promise<void> {
  await manager.query(
    `WITH unlinked AS (
       DELETE FROM project_cultural_resource
        WHERE project_id = $1 AND NOT (cultural_resource_id = ANY($3::uuid[]))
     )
     INSERT INTO project_cultural_resource (project_id, cultural_resource_id, city_id, position)
     SELECT $1, link.id, $2, link.ordinality - 1
       FROM unnest($3::uuid[]) WITH ORDINALITY AS link(id, ordinality)
     ON CONFLICT (project_id, cultural_resource_id) DO UPDATE SET position = EXCLUDED.position`,
    [project.id, project.cityId, resourceIds],
  );
}

/** `ids` once each, in first-seen order. */
export function distinctInOrder(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
