import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { BatchWriteCommand, execute as execBatch } from 'dynamodb-toolbox/table/actions/batchWrite'
import type { Specialty } from '@linli/shared'
import type { Entities } from '../entities'
import { districtPatterns } from './patterns'
import type { Catalogue, CatalogueRepo, NodeRecord } from '../../services/district/ports'

export function makeCatalogueRepo(e: Entities): CatalogueRepo {
  const p = districtPatterns(e)
  return {
    /**
     * Access pattern "district catalogue": Query pk = keys.catalogue(district) — the district, its grid tree, departments, rooms
     * and categories (a few hundred small items), read as one paginated query.
     */
    async load(districtId: string): Promise<Catalogue | undefined> {
      const { Items = [] } = await p['district catalogue'].query({ districtId }).send()
      const c: Catalogue = { district: { id: districtId, name: '', casePrefix: '' }, nodes: [], departments: [], rooms: [], classes: [], categories: [] }
      let found = false
      for (const i of Items) {
        switch (i.entity) {
          case 'District':
            if ('casePrefix' in i) {
              c.district = { id: i.districtId, name: i.name, casePrefix: i.casePrefix }
              found = true
            }
            break
          case 'GridNode':
            // A retired grid is not part of the tree any more (its cases keep its id and name).
            if ('nodeId' in i && !i.retiredAt)
              c.nodes.push({
                id: i.nodeId,
                name: i.name,
                level: i.level,
                parentId: i.parentId,
                boundary: i.boundary as NodeRecord['boundary'],
                roster: i.roster as NodeRecord['roster'],
              })
            break
          case 'Department':
            if ('departmentId' in i) c.departments.push({ id: i.departmentId, name: i.name, nodeId: i.nodeId })
            break
          case 'Room':
            if ('roomId' in i) {
              const { roomId, name, nodeId, address, lat, lng, hours, specialties, minNoticeHours, horizonDays, cancelCutoffHours } = i
              c.rooms.push({
                id: roomId,
                name,
                nodeId,
                address,
                lat,
                lng,
                hours,
                specialties: specialties as Specialty[],
                minNoticeHours,
                horizonDays,
                cancelCutoffHours,
              })
            }
            break
          case 'CategoryClass':
            if ('classId' in i && !('categoryId' in i))
              c.classes.push({ id: i.classId, name: i.name, order: i.order, sensitive: i.sensitive, mediable: i.mediable })
            break
          case 'Category':
            if ('categoryId' in i)
              c.categories.push({
                id: i.categoryId,
                classId: i.classId,
                name: i.name,
                order: i.order,
                departmentId: i.departmentId,
                priority: i.priority,
                slaBand: i.slaBand,
                autoDispatch: i.autoDispatch,
              })
            break
        }
      }
      return found ? c : undefined
    },

    /** PutItem `<d>#CATALOGUE / ROOM#<id>`. */
    async putRoom(districtId, room) {
      await e.Room.build(EntityRepository).put({ districtId, roomId: room.id, ...room })
    },

    /** Writes a whole catalogue (seed and admin import). Items are keyed, so writing twice changes nothing. */
    async save(c: Catalogue): Promise<void> {
      const d = c.district.id
      const puts = [
        e.District.build(EntityRepository).batchPut({ districtId: d, name: c.district.name, casePrefix: c.district.casePrefix }),
        ...c.nodes.map((n) =>
          e.GridNode.build(EntityRepository).batchPut({
            districtId: d,
            nodeId: n.id,
            name: n.name,
            level: n.level,
            parentId: n.parentId,
            boundary: n.boundary,
            roster: n.roster,
          }),
        ),
        ...c.departments.map((x) => e.Department.build(EntityRepository).batchPut({ districtId: d, departmentId: x.id, name: x.name, nodeId: x.nodeId })),
        ...c.rooms.map((x) => e.Room.build(EntityRepository).batchPut({ districtId: d, roomId: x.id, ...x })),
        ...c.classes.map((x) =>
          e.CategoryClass.build(EntityRepository).batchPut({
            districtId: d,
            classId: x.id,
            name: x.name,
            order: x.order,
            sensitive: x.sensitive,
            mediable: x.mediable,
          }),
        ),
        ...c.categories.map((x) => e.Category.build(EntityRepository).batchPut({ districtId: d, categoryId: x.id, ...x })),
      ]
      for (let i = 0; i < puts.length; i += 25) {
        // Unprocessed items are retried by the toolbox up to maxAttempts.
        await execBatch({ maxAttempts: 5 }, e.table.build(BatchWriteCommand).requests(...puts.slice(i, i + 25)))
      }
    },
  }
}
