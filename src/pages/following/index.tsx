import { View } from '@tarojs/components'
import BackBar from '@/components/back-bar/BackBar'
import FollowedProjects from '@/features/projects/FollowedProjects'
import MySurveys from '@/features/surveys/MySurveys'

/** 我的项目与问卷, from 我的: followed projects and the surveys of the investor's zones. */
export default function FollowingPage() {
  return (
    <View className="pl-page">
      <BackBar />
      <FollowedProjects />
      <MySurveys />
    </View>
  )
}
