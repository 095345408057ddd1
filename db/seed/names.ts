/** Name pools for generated demo people: [Hindi, Latin]. All generated people are fictitious. */
export const MALE_GIVEN: Array<[string, string]> = [
  ["राकेश", "Rakesh"], ["सुनील", "Sunil"], ["मनोज", "Manoj"], ["अनिल", "Anil"], ["राजेश", "Rajesh"],
  ["प्रमोद", "Pramod"], ["विनोद", "Vinod"], ["अरविंद", "Arvind"], ["रंजीत", "Ranjit"], ["दिलीप", "Dilip"],
  ["संतोष", "Santosh"], ["अशोक", "Ashok"], ["मुकेश", "Mukesh"], ["पंकज", "Pankaj"], ["नीरज", "Neeraj"],
  ["अमित", "Amit"], ["रवि", "Ravi"], ["उमेश", "Umesh"], ["गोपाल", "Gopal"], ["शैलेंद्र", "Shailendra"],
  ["कृष्ण", "Krishna"], ["रामबाबू", "Rambabu"], ["जितेंद्र", "Jitendra"], ["बिपिन", "Bipin"], ["चंदन", "Chandan"],
  ["धीरज", "Dheeraj"], ["आलोक", "Alok"], ["प्रभात", "Prabhat"], ["शशि", "Shashi"], ["मिथिलेश", "Mithilesh"],
];
export const FEMALE_GIVEN: Array<[string, string]> = [
  ["सुनीता", "Sunita"], ["रीना", "Reena"], ["पूनम", "Poonam"], ["अनीता", "Anita"], ["किरण", "Kiran"],
  ["मीना", "Meena"], ["सरिता", "Sarita"], ["प्रियंका", "Priyanka"], ["नेहा", "Neha"], ["रेखा", "Rekha"],
];
export const SURNAMES: Array<[string, string]> = [
  ["कुमार", "Kumar"], ["सिंह", "Singh"], ["यादव", "Yadav"], ["प्रसाद", "Prasad"], ["शर्मा", "Sharma"],
  ["पासवान", "Paswan"], ["मांझी", "Manjhi"], ["मिश्रा", "Mishra"], ["पांडेय", "Pandey"], ["गुप्ता", "Gupta"],
  ["चौधरी", "Chaudhary"], ["ठाकुर", "Thakur"], ["राम", "Ram"], ["महतो", "Mahto"], ["वर्मा", "Verma"],
  ["तिवारी", "Tiwari"], ["रजक", "Rajak"], ["साह", "Sah"], ["झा", "Jha"], ["कुशवाहा", "Kushwaha"],
];
