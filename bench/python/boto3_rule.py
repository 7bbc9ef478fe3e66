"""The compliant path of the rule written with boto3, for the cold-load comparison only.

It is what a Python rule typically loads at start: boto3 and its IAM and
Config clients, created at import so warm invocations reuse them. It is not
a second implementation of the rule and is never deployed.
"""

import json

import boto3

iam = boto3.client("iam")
config = boto3.client("config")


def lambda_handler(event, context):
    summary = iam.get_account_summary()["SummaryMap"]
    keys = summary["AccountAccessKeysPresent"]
    invoking = json.loads(event["invokingEvent"])
    config.put_evaluations(
        Evaluations=[
            {
                "ComplianceResourceType": "AWS::::Account",
                "ComplianceResourceId": event["accountId"],
                "ComplianceType": "COMPLIANT" if keys == 0 else "NON_COMPLIANT",
                "OrderingTimestamp": invoking["notificationCreationTime"],
            }
        ],
        ResultToken=event["resultToken"],
    )
