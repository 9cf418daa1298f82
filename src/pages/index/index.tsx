import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

export default function Index() {
  return (
    <View>
      <Text>园区通</Text>
      <Button type="primary">找店小二</Button>
    </View>
  )
}
