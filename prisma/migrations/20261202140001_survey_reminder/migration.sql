-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'SURVEY_REMINDER';
