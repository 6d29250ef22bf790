/** Entities of a district's reference data: one partition per district (keys.catalogue). */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import { boolean } from 'dynamodb-toolbox/schema/boolean'
import { any } from 'dynamodb-toolbox/schema/any'
import { list } from 'dynamodb-toolbox/schema/list'
import { gridLevels, priorities, slaBandKeys } from '@linli/shared'
import type { LinliTable } from '../table'
import { keys } from '../keys'

const k = keys.catalogueItem

export function makeDistrictEntities(table: LinliTable) {
  const District = new Entity({
    name: 'District',
    table,
    schema: item({ districtId: string().key(), name: string(), casePrefix: string() }),
    computeKey: ({ districtId }) => ({ pk: keys.catalogue(districtId), sk: k.district }),
  })

  const GridNode = new Entity({
    name: 'GridNode',
    table,
    schema: item({
      districtId: string().key(),
      nodeId: string().key(),
      name: string(),
      level: string().enum(...gridLevels),
      parentId: string().optional(),
      boundary: any().optional(),
      roster: any().optional(),
      /** A grid an import retired: kept with its history (its cases still name it), no longer in the tree. */
      retiredAt: string().optional(),
    }),
    computeKey: ({ districtId, nodeId }) => ({ pk: keys.catalogue(districtId), sk: k.node(nodeId) }),
  })

  const Department = new Entity({
    name: 'Department',
    table,
    schema: item({ districtId: string().key(), departmentId: string().key(), name: string(), nodeId: string() }),
    computeKey: ({ districtId, departmentId }) => ({ pk: keys.catalogue(districtId), sk: k.department(departmentId) }),
  })

  const Room = new Entity({
    name: 'Room',
    table,
    schema: item({
      districtId: string().key(),
      roomId: string().key(),
      name: string(),
      nodeId: string(),
      address: string(),
      lat: number(),
      lng: number(),
      hours: string(),
      specialties: list(string()),
      minNoticeHours: number(),
      horizonDays: number(),
      cancelCutoffHours: number(),
    }),
    computeKey: ({ districtId, roomId }) => ({ pk: keys.catalogue(districtId), sk: k.room(roomId) }),
  })

  const CategoryClass = new Entity({
    name: 'CategoryClass',
    table,
    schema: item({
      districtId: string().key(),
      classId: string().key(),
      name: string(),
      order: number(),
      sensitive: boolean().optional(),
      mediable: boolean().optional(),
    }),
    computeKey: ({ districtId, classId }) => ({ pk: keys.catalogue(districtId), sk: k.categoryClass(classId) }),
  })

  const Category = new Entity({
    name: 'Category',
    table,
    schema: item({
      districtId: string().key(),
      categoryId: string().key(),
      classId: string(),
      name: string(),
      order: number(),
      departmentId: string(),
      priority: string().enum(...priorities),
      slaBand: string().enum(...slaBandKeys),
      /** Cases of this item skip the dispatcher: dispatched at once to the department's officials. */
      autoDispatch: boolean().optional(),
    }),
    computeKey: ({ districtId, categoryId }) => ({ pk: keys.catalogue(districtId), sk: k.category(categoryId) }),
  })

  return { District, GridNode, Department, Room, CategoryClass, Category }
}
