/**
 * One IAM role per function, each allowed only the DynamoDB actions its access patterns use (functions/src/db/README.md),
 * the secrets parameter, and its own log group. Serverless merges the returned resources into the template.
 */
const TABLE = 'LinliTable'

const caseWrite = ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem']

/** function name → DynamoDB actions on the table and its indexes, and S3 actions on uploads/* */
const access = {
  authLogin: ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  me: ['dynamodb:Query'],
  invitesCreate: ['dynamodb:Query', 'dynamodb:PutItem'],
  invitesRedeem: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem'],
  gridsTree: ['dynamodb:Query'],
  gridsGet: ['dynamodb:Query'],
  gridsLocate: ['dynamodb:Query'],
  categoriesList: ['dynamodb:Query'],
  departmentsList: ['dynamodb:Query'],
  uploadsCreate: { dynamodb: ['dynamodb:Query'], s3: ['s3:PutObject'] },
  subscriptionsRecord: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem'],
  casesSubmit: { dynamodb: caseWrite, s3: ['s3:GetObject'] },
  casesList: ['dynamodb:Query'],
  casesNearby: ['dynamodb:Query'],
  casesGet: { dynamodb: ['dynamodb:Query'], s3: ['s3:GetObject'] },
  casesFireEvent: { dynamodb: caseWrite, s3: ['s3:GetObject'] },
  casesFollow: { dynamodb: caseWrite, s3: ['s3:GetObject'] },
  casesUnfollow: caseWrite,
  casesNotices: ['dynamodb:Query', 'dynamodb:GetItem'],
  notifier: { dynamodb: [...caseWrite, 'dynamodb:BatchWriteItem'], stream: true },
  sweeper: { dynamodb: [...caseWrite, 'dynamodb:BatchWriteItem'] },
}

const roleName = (fn) => fn[0].toUpperCase() + fn.slice(1) + 'Role'

module.exports = async ({ resolveVariable }) => {
  const service = await resolveVariable('self:service')
  const stage = await resolveVariable('sls:stage')
  const Resources = {}
  const bucket = await resolveVariable('self:custom.uploadsBucket')
  for (const [fn, spec] of Object.entries(access)) {
    const { dynamodb: actions, s3 = [], stream = false } = Array.isArray(spec) ? { dynamodb: spec } : spec
    Resources[roleName(fn)] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        Policies: [
          {
            PolicyName: `${fn}-least-privilege`,
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: actions,
                  Resource: [{ 'Fn::GetAtt': [TABLE, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [TABLE, 'Arn'] }, '/index/*']] }],
                },
                ...(s3.length ? [{ Effect: 'Allow', Action: s3, Resource: `arn:aws:s3:::${bucket}/uploads/*` }] : []),
                ...(stream
                  ? [{ Effect: 'Allow', Action: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'], Resource: { 'Fn::GetAtt': [TABLE, 'StreamArn'] } }]
                  : []),
                {
                  Effect: 'Allow',
                  Action: ['ssm:GetParameter'],
                  Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/linli/${stage}/secrets` },
                },
                {
                  Effect: 'Allow',
                  Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
                  Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${service}-${stage}-${fn}:*` },
                },
              ],
            },
          },
        ],
      },
    }
  }
  return { Resources }
}

module.exports.access = access
