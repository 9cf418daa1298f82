import { and, desc, eq } from 'drizzle-orm'
import type { ParkCard } from '../../../../types/content-api'
import { favourites } from '../../db/schema'
import type { Deps } from '../../deps'
import { notFound } from '../../http/errors'

// An investor's saved parks. Saving and removing are idempotent.

type FavouriteDeps = Pick<Deps, 'db' | 'content' | 'clock'>

const parkExists = (deps: Pick<Deps, 'content'>, parkId: string) =>
  deps.content.current().parkById.has(parkId)

/** Newest first; parks that left the content are no longer listed. */
export const listFavourites = async (deps: Pick<Deps, 'db' | 'content'>, investorId: string): Promise<ParkCard[]> => {
  const rows = await deps.db
    .select({ parkId: favourites.parkId })
    .from(favourites)
    .where(eq(favourites.investorId, investorId))
    .orderBy(desc(favourites.createdAt), desc(favourites.parkId))
  const parks = deps.content.current().parkById
  return rows.flatMap((row) => parks.get(row.parkId)?.card ?? [])
}

export const addFavourite = async (deps: FavouriteDeps, investorId: string, parkId: string): Promise<void> => {
  if (!parkExists(deps, parkId)) throw notFound('没有找到这个园区')
  await deps.db.insert(favourites).values({ investorId, parkId, createdAt: deps.clock() }).onConflictDoNothing()
}

/** A park that left the content can still be removed from the list; an unknown one is a 404. */
export const removeFavourite = async (deps: FavouriteDeps, investorId: string, parkId: string): Promise<void> => {
  const removed = await deps.db
    .delete(favourites)
    .where(and(eq(favourites.investorId, investorId), eq(favourites.parkId, parkId)))
    .returning({ parkId: favourites.parkId })
  if (removed.length === 0 && !parkExists(deps, parkId)) throw notFound('没有找到这个园区')
}
