/**
 * One IAM role per function, each allowed only the DynamoDB actions its access patterns use (functions/src/db/README.md),
 * the secrets parameter, and its own log group. Serverless merges the returned resources into the template.
 */
const TABLE = 'LinliTable'

/** function name → DynamoDB actions on the table and its indexes */
const access = {
  authLogin: ['dynamodb:Query', 'dynamodb:PutItem'],
  me: ['dynamodb:Query'],
  invitesCreate: ['dynamodb:Query', 'dynamodb:PutItem'],
  invitesRedeem: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem'],
  gridsTree: ['dynamodb:Query'],
  gridsGet: ['dynamodb:Query'],
  gridsLocate: ['dynamodb:Query'],
  categoriesList: ['dynamodb:Query'],
}

const roleName = (fn) => fn[0].toUpperCase() + fn.slice(1) + 'Role'

module.exports = async ({ resolveVariable }) => {
  const service = await resolveVariable('self:service')
  const stage = await resolveVariable('sls:stage')
  const Resources = {}
  for (const [fn, actions] of Object.entries(access)) {
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
