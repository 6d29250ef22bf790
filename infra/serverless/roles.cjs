/**
 * One IAM role per function, each allowed only the AWS actions its code performs: ./iam/<family>.json lists them per
 * function (DynamoDB actions on the table and its indexes, S3 actions on uploads/* and photos/*, the stream for the notifier);
 * `npm test` checks them against the calls the code really makes (scripts/check-iam.ts). Every ARN is built with the
 * partition (aws, aws-cn), so the stack deploys to the China regions as well. Serverless merges the resources.
 */
const { readdirSync } = require('node:fs')
const { join } = require('node:path')
const { roleName } = require('./functions.cjs')

const TABLE = 'LinliTable'

/** function name → { dynamodb: [...], s3: [...], kms: [...], stream?: true }, composed from the families' files. */
const access = Object.assign(
  {},
  ...readdirSync(join(__dirname, 'iam'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => require(join(__dirname, 'iam', f))),
)

module.exports = async ({ resolveVariable }) => {
  const service = await resolveVariable('self:service')
  const stage = await resolveVariable('sls:stage')
  const bucket = await resolveVariable('self:custom.uploadsBucket')
  const Resources = {}
  for (const [fn, { dynamodb: actions = [], s3 = [], kms = [], stream = false }] of Object.entries(access)) {
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
                // uploads/: what phones send (presigned, one key each); photos/: the checked copies records keep.
                ...(s3.length
                  ? [
                      {
                        Effect: 'Allow',
                        Action: s3,
                        Resource: ['uploads', 'photos'].map((p) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:s3:::${bucket}/${p}/*` })),
                      },
                    ]
                  : []),
                // Personal information: the district data keys, made and opened under the stage's PiiKey.
                ...(kms.length ? [{ Effect: 'Allow', Action: kms, Resource: { 'Fn::GetAtt': ['PiiKey', 'Arn'] } }] : []),
                ...(stream
                  ? [
                      {
                        Effect: 'Allow',
                        Action: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
                        Resource: { 'Fn::GetAtt': [TABLE, 'StreamArn'] },
                      },
                    ]
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
