/**
 * The single table and its entities (dynamodb-toolbox v2). Key design and access patterns: ./README.md.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import { boolean } from 'dynamodb-toolbox/schema/boolean'
import { any } from 'dynamodb-toolbox/schema/any'
import { roles, gridLevels, priorities, slaBandKeys } from '@linli/shared'
import { makeCaseEntities } from './case-entities'
import { makeTable } from './table'

export const districtPk = (districtId: string) => `DISTRICT#${districtId}`
export const userPk = (userId: string) => `USER#${userId}`

export function makeEntities(documentClient: DynamoDBDocumentClient, tableName: string) {
  const table = makeTable(documentClient, tableName)

  const District = new Entity({
    name: 'District',
    table,
    schema: item({ districtId: string().key(), name: string(), casePrefix: string() }),
    computeKey: ({ districtId }) => ({ pk: districtPk(districtId), sk: 'META' }),
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
    }),
    computeKey: ({ districtId, nodeId }) => ({ pk: districtPk(districtId), sk: `NODE#${nodeId}` }),
  })

  const Department = new Entity({
    name: 'Department',
    table,
    schema: item({ districtId: string().key(), departmentId: string().key(), name: string(), nodeId: string() }),
    computeKey: ({ districtId, departmentId }) => ({ pk: districtPk(districtId), sk: `DEPT#${departmentId}` }),
  })

  const Room = new Entity({
    name: 'Room',
    table,
    schema: item({ districtId: string().key(), roomId: string().key(), name: string(), nodeId: string() }),
    computeKey: ({ districtId, roomId }) => ({ pk: districtPk(districtId), sk: `ROOM#${roomId}` }),
  })

  const CategoryClass = new Entity({
    name: 'CategoryClass',
    table,
    schema: item({ districtId: string().key(), classId: string().key(), name: string(), order: number() }),
    computeKey: ({ districtId, classId }) => ({ pk: districtPk(districtId), sk: `CATCLASS#${classId}` }),
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
    computeKey: ({ districtId, categoryId }) => ({ pk: districtPk(districtId), sk: `CAT#${categoryId}` }),
  })

  const User = new Entity({
    name: 'User',
    table,
    // The openid is kept server-side only: subscribe messages must be addressed to it.
    schema: item({ userId: string().key(), districtId: string(), name: string(), phone: string().optional(), openid: string().optional() }),
    computeKey: ({ userId }) => ({ pk: userPk(userId), sk: 'PROFILE' }),
  })

  const RoleBinding = new Entity({
    name: 'RoleBinding',
    table,
    schema: item({
      userId: string().key(),
      role: string().enum(...roles).key(),
      scopeId: string().key(),
      scopeName: string(),
      districtId: string(),
      grantedBy: string(),
      userName: string().optional(),
      /** Who holds a role in a scope, e.g. the officials of a department: gsi1pk = SCOPE#<scopeId>. */
      gsi1pk: string(),
      gsi1sk: string(),
    }),
    computeKey: ({ userId, role, scopeId }) => ({ pk: userPk(userId), sk: `ROLE#${role}#${scopeId}` }),
  })

  const Invite = new Entity({
    name: 'Invite',
    table,
    schema: item({
      code: string().key(),
      districtId: string(),
      role: string().enum(...roles),
      scopeId: string(),
      scopeName: string(),
      note: string().optional(),
      createdBy: string(),
      expiresAt: string(),
      usedBy: string().optional(),
      usedAt: string().optional(),
      /** Epoch seconds: DynamoDB deletes spent and expired invites a while after they lapse. */
      ttl: number(),
    }),
    computeKey: ({ code }) => ({ pk: `INVITE#${code}`, sk: 'INVITE' }),
  })

  return { table, District, GridNode, Department, Room, CategoryClass, Category, User, RoleBinding, Invite, ...makeCaseEntities(table) }
}

export type Entities = ReturnType<typeof makeEntities>
